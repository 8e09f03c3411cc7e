package org.egovmonitor.crawler.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovmonitor.registry.SiteKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionCatalogTest {

    private static String defaultYaml() throws IOException {
        return Files.readString(SectionCatalog.DEFAULT_PATH, StandardCharsets.UTF_8);
    }

    @Nested
    class DefaultFile {

        private final SectionCatalog catalog = SectionCatalog.loadDefault();

        @Test
        void loadDefault_shippedFile_hasAllFamilies() {
            assertThat(catalog.families()).extracting(SectionFamily::id).containsExactly("news", "notices", "policy",
                    "open_gov", "personnel", "plans", "org_info", "overview", "service_guide", "downloads",
                    "online_service", "mailbox", "forum", "interviews", "surveys", "investment", "tourism", "talent",
                    "weather", "transport", "supply_demand");
        }

        @ParameterizedTest(name = "{0}: window {1}, shouldUpdate {2}, thematic {3}")
        @CsvSource(nullValues = "null", value = {"news, 14, true, false", "notices, 180, true, false",
                "policy, 180, true, false", "personnel, 365, true, false", "plans, 365, true, false",
                "mailbox, null, false, false", "tourism, null, false, true"})
        void loadDefault_family_hasWindowAndFlags(String id, Integer window, boolean shouldUpdate, boolean thematic) {
            SectionFamily family = catalog.family(id).orElseThrow();
            assertThat(family.windowDays()).isEqualTo(window);
            assertThat(family.shouldUpdate()).isEqualTo(shouldUpdate);
            assertThat(family.thematic()).isEqualTo(thematic);
        }

        @Test
        void loadDefault_coreFamilies_haveAtLeastTenSynonyms() {
            for (String id : new String[] {"news", "notices", "policy", "open_gov", "org_info", "overview",
                    "service_guide", "downloads", "online_service", "mailbox", "forum", "surveys"}) {
                assertThat(catalog.family(id).orElseThrow().synonyms()).as(id).hasSizeGreaterThanOrEqualTo(10);
            }
        }

        @Test
        void loadDefault_portal_requiresDesignList() {
            assertThat(catalog.requiredFamilies(SiteKind.PORTAL)).containsExactly("open_gov", "news", "notices",
                    "policy", "service_guide", "downloads", "online_service", "mailbox", "forum", "org_info",
                    "overview");
            assertThat(catalog.requiredFamilies(SiteKind.TOWNSHIP_PAGE))
                    .containsExactly("news", "notices", "overview", "open_gov");
        }

        @Test
        void loadDefault_messages_interactiveFamiliesAndVocabulary() {
            assertThat(catalog.interactiveFamilies()).containsExactly("mailbox", "forum");
            assertThat(catalog.messageVocabulary().answered()).contains("已回复", "已办结", "办结")
                    .doesNotContain("已受理");
            assertThat(catalog.messageVocabulary().pending()).contains("已受理", "未办结", "办理中");
            assertThat(catalog.messageVocabulary().askedLabels()).startsWith("来信时间").endsWith("发布日期");
            assertThat(catalog.messageVocabulary().repliedLabels()).contains("回复时间", "办结时间");
            assertThat(catalog.messageVocabulary().statusHeaders()).contains("状态", "办理状态");
        }

        @Test
        void loadDefault_placeholdersAndDecoys_present() {
            assertThat(catalog.blankPlaceholders()).contains("暂无信息", "正在建设中", "敬请期待", "没有记录");
            assertThat(catalog.isDecoy("http://a.gov.cn/list.asp?KeyWord=x")).isTrue();
            assertThat(catalog.isDecoy("http://a.gov.cn/tzgg/list.asp?page=2")).isFalse();
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', value = {
                "'PORTAL: [open_gov, news' | 'PORTAL: [open_gov, nosuch, news' | requiredFamilies.PORTAL names unknown family 'nosuch'",
                "'    windowDays: 14\n' | '    windowDays: 0\n' | families[0] (news).windowDays must be a positive number of days or null, was 0",
                "'synonyms: [政务要闻,' | 'synonyms: [通知公告, 政务要闻,' | families[1] (notices).synonyms: '通知公告' is also a synonym of family 'news'",
                "'maxContainsLength: 10' | 'maxContainsLength: -1' | maxContainsLength must be a positive number, was -1",
                "'  TOWNSHIP_PAGE:' | '  VILLAGE: [news]\n  TOWNSHIP_PAGE:' | requiredFamilies.VILLAGE: unknown site kind 'VILLAGE'",
                "'PORTAL: [open_gov, news' | 'PORTAL: [tourism, open_gov, news' | requiredFamilies.PORTAL names thematic family 'tourism'",
                "'  - id: notices' | '  - id: news' | families[1].id 'news' is used by two families",
                "'families: [mailbox, forum]' | 'families: [mailbox, letters]' | messages.families names unknown family 'letters'",
                "'pending: [未回复,' | 'pending: [已回复, 未回复,' | messages.pending: '已回复' is also in messages.answered",
                "'statusHeaders: [状态,' | 'statusHeaders: [状态, 状态,' | messages.statusHeaders: '状态' is listed twice",
                "'repliedLabels: [回复时间,' | 'repliedLabels: [回复 时间,' | messages.repliedLabels: '回复 时间' must be letters or digits only",
                "'replyLabels: [答复内容,' | 'replyLabels: [答复内容：,' | messages.replyLabels: '答复内容：' must be letters or digits only",
                "'families: [mailbox, forum]' | 'families: []' | messages.families must list at least one family id",
        })
        void parse_badFile_failsNamingTheKey(String original, String replacement, String message) throws IOException {
            String yaml = defaultYaml();
            assertThat(yaml).contains(original);
            String bad = yaml.replaceFirst(java.util.regex.Pattern.quote(original),
                    java.util.regex.Matcher.quoteReplacement(replacement));
            assertThatThrownBy(() -> SectionCatalog.parse(bad, "sections.yml"))
                    .isInstanceOf(SectionCatalogException.class)
                    .hasMessageStartingWith("sections.yml is invalid")
                    .hasMessageContaining(message);
        }

        @Test
        void parse_withoutMessages_failsNamingIt() throws IOException {
            String yaml = defaultYaml();
            String bad = yaml.substring(0, yaml.indexOf("\nmessages:"));
            assertThatThrownBy(() -> SectionCatalog.parse(bad, "sections.yml"))
                    .isInstanceOf(SectionCatalogException.class)
                    .hasMessageContaining("messages is missing");
        }

        @Test
        void parse_unknownKey_failsNamingIt() throws IOException {
            String bad = defaultYaml().replaceFirst("    windowDays: 14", "    windowDay: 14");
            assertThatThrownBy(() -> SectionCatalog.parse(bad, "sections.yml"))
                    .isInstanceOf(SectionCatalogException.class)
                    .hasMessageContaining("windowDay");
        }

        @Test
        void load_missingFile_failsNamingIt() {
            assertThatThrownBy(() -> SectionCatalog.load(Path.of("no/such/sections.yml")))
                    .isInstanceOf(SectionCatalogException.class)
                    .hasMessageContaining("no/such/sections.yml");
        }
    }
}
