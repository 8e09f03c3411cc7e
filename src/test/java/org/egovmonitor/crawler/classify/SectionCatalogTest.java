package org.egovmonitor.crawler.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.egovmonitor.registry.SiteKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.platform.RuleFileAssert.broken;
import static org.egovmonitor.platform.RuleFileAssert.failsWith;
import static org.egovmonitor.platform.RuleFileAssert.lineOf;

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

        /** One broken variant of the shipped file each: from, to, where the line is, field, reason. */
        static Stream<Arguments> brokenVariants() {
            return Stream.of(
                    Arguments.of("unknown key", "    windowDays: 14", "    windowDay: 14", "windowDay:",
                            "families[0].windowDay", "未知的键（可用的键："),
                    Arguments.of("wrong type", "    windowDays: 14", "    windowDays: soon", "windowDays: soon",
                            "families[0].windowDays", "必须是整数，实为 soon"),
                    Arguments.of("list for a number", "maxContainsLength: 10", "maxContainsLength: [10]",
                            "maxContainsLength", "maxContainsLength", "必须是整数，实为一个列表"),
                    Arguments.of("bad window", "    windowDays: 180", "    windowDays: -1", "windowDays: -1",
                            "families[1].windowDays", "必须是正整数或留空，实为 -1"),
                    Arguments.of("missing flag", "    shouldUpdate: true\n    thematic: false\n    synonyms: [公示公告",
                            "    thematic: false\n    synonyms: [公示公告", "  - id: notices",
                            "families[1].shouldUpdate", "缺少此项（true 或 false）"),
                    Arguments.of("misspelt block", "\nmessages:", "\nmessagez:", "messagez", "messagez",
                            "未知的键（可用的键："),
                    Arguments.of("syntax error", "maxContainsExtra: 4", "maxContainsExtra: 4: 5", "maxContainsExtra",
                            "maxContainsExtra", "YAML 语法错误"),
                    Arguments.of("unknown family", "PORTAL: [open_gov, news", "PORTAL: [open_gov, nosuch, news",
                            "PORTAL: [open_gov, nosuch", "requiredFamilies.PORTAL[1]", "未知的栏目族 nosuch"),
                    Arguments.of("shared synonym", "synonyms: [政务要闻,", "synonyms: [通知公告, 政务要闻,",
                            "synonyms: [公示公告", "families[1].synonyms", "'通知公告' 也是栏目族 news 的同义词"),
                    Arguments.of("negative length", "maxContainsLength: 10", "maxContainsLength: -1",
                            "maxContainsLength", "maxContainsLength", "必须是正整数，实为 -1"),
                    Arguments.of("unknown site kind", "  TOWNSHIP_PAGE:", "  VILLAGE: [news]\n  TOWNSHIP_PAGE:",
                            "VILLAGE", "requiredFamilies.VILLAGE",
                            "未知的网站类型 VILLAGE（可用：PORTAL、DEPARTMENT、COUNTY、TOWNSHIP_PAGE）"),
                    Arguments.of("thematic required", "PORTAL: [open_gov, news", "PORTAL: [tourism, open_gov, news",
                            "PORTAL: [tourism", "requiredFamilies.PORTAL[0]",
                            "专题栏目族 tourism 不能列为必备（专题栏目是可选的）"),
                    Arguments.of("duplicate id", "  - id: notices", "  - id: news", "  - id: news\n    name: 通知公告",
                            "families[1].id", "'news' 已被另一个栏目族使用"),
                    Arguments.of("unknown message family", "families: [mailbox, forum]", "families: [mailbox, letters]",
                            "[mailbox, letters]", "messages.families[1]", "未知的栏目族 letters"),
                    Arguments.of("word in two lists", "pending: [未回复,", "pending: [已回复, 未回复,", "pending: [已回复",
                            "messages.pending[0]", "'已回复' 也在 messages.answered 中"),
                    Arguments.of("word twice", "statusHeaders: [状态,", "statusHeaders: [状态, 状态,", "statusHeaders:",
                            "messages.statusHeaders[1]", "'状态' 列了两次"),
                    Arguments.of("spaced label", "repliedLabels: [回复时间,", "repliedLabels: [回复 时间,",
                            "repliedLabels:", "messages.repliedLabels[0]", "'回复 时间' 只能由文字或数字组成（不能有空格或标点）"),
                    Arguments.of("no message families", "families: [mailbox, forum]", "families: []", "families: []",
                            "messages.families", "至少要列出一个栏目族 id"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenVariants")
        void parse_brokenVariant_namesFileLineFieldAndReason(String name, String from, String to, String at,
                                                              String field, String reason) throws IOException {
            String yaml = broken(defaultYaml(), from, to);
            failsWith(() -> SectionCatalog.parse(yaml, "crawlers/sections.yml"), "crawlers/sections.yml",
                    lineOf(yaml, at), field, reason);
        }

        @Test
        void parse_withoutMessages_failsNamingIt() throws IOException {
            String yaml = defaultYaml();
            String bad = yaml.substring(0, yaml.indexOf("\nmessages:"));
            failsWith(() -> SectionCatalog.parse(bad, "sections.yml"), "sections.yml", 1, "messages", "缺少此项");
        }

        @Test
        void parse_empty_failsNamingIt() {
            failsWith(() -> SectionCatalog.parse("# nothing\n", "sections.yml"), "sections.yml", 1, "", "文件为空");
        }

        @Test
        void load_missingFile_failsNamingIt() {
            failsWith(() -> SectionCatalog.load(Path.of("no/such/sections.yml")), "no/such/sections.yml", 0, "",
                    "无法读取文件");
        }
    }
}
