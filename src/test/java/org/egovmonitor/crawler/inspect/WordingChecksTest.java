package org.egovmonitor.crawler.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.egovmonitor.crawler.parse.DecodedPage;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.platform.RuleFileException;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The four wording checks of the shipped {@code crawlers/checks.yml} on the pages of
 * {@code src/test/resources/pages/checks/wording}: a TRS county portal with errors, a clean one, an ASP article of
 * 2017 in GBK (its old body name is the name of its day) and a 大汉 article of 2025 with a planted spam block.
 */
class WordingChecksTest {

    private static final String SITE = "http://www.qingshan.gov.cn/";
    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);
    private static final String NEW_ARTICLE = SITE + "xwzx/202504/t20250411_100.html";
    private static final String OLD_ARTICLE = SITE + "news/show.asp?id=2017";
    private static final List<SiteContext.Leader> LEADERS = List.of(
            new SiteContext.Leader("张华", "县委副书记、县长"),
            new SiteContext.Leader("王强", "副县长"),
            new SiteContext.Leader("刘芳", "常务副县长"));

    private static Map<String, SiteCheck> checks;

    @BeforeAll
    static void load() {
        InspectionRules rules = InspectionRules.load(Path.of("crawlers/checks.yml"));
        checks = new java.util.HashMap<>();
        rules.checks().forEach(c -> checks.put(c.id(), c));
        assertThat(checks).containsKeys("misusedWords", "outdatedNames", "sensitiveWords", "leaderNames");
    }

    /** A site: its homepage fixture, the news/notices entries the engine read, and the pages behind them. */
    private static CheckInput site(String homepage, List<CheckInput.ListedItem> news, Map<String, String> pages,
                                   List<SiteContext.Leader> leaders) {
        Document home = parse(homepage, SITE);
        CheckPages served = new CheckPages() {
            private int left = 4;

            @Override
            public CheckPage get(String url) {
                if (left-- <= 0) {
                    return null;
                }
                String fixture = pages.get(url);
                return fixture == null ? new CheckPage(url, url, 404, null, null)
                        : new CheckPage(url, url, 200, null, parse(fixture, url));
            }

            @Override
            public int left() {
                return Math.max(0, left);
            }
        };
        return new CheckInput(SITE, SITE, SiteKind.COUNTY, home,
                List.of(new CheckInput.SectionList("news", "新闻中心", SITE + "xwzx/", news)),
                new SiteContext("青山县人民政府", leaders), served, NOW);
    }

    private static Document parse(String fixture, String url) {
        try (InputStream in = WordingChecksTest.class.getResourceAsStream("/pages/checks/wording/" + fixture)) {
            DecodedPage page = new PageDecoder().decode(in.readAllBytes(), "text/html");
            return Jsoup.parse(page.html(), url);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<CheckInput.ListedItem> NEWS = List.of(
            new CheckInput.ListedItem("县环境保护局开展春季执法检查", NEW_ARTICLE, LocalDate.of(2025, 4, 11)),
            new CheckInput.ListedItem("县国土资源局召开党风廉政建设工作会议", OLD_ARTICLE, LocalDate.of(2017, 3, 8)),
            new CheckInput.ListedItem("外站转载", "http://www.other.gov.cn/a.html", LocalDate.of(2025, 4, 12)));
    private static final Map<String, String> PAGES = Map.of(NEW_ARTICLE, "article-2025-hanweb.html",
            OLD_ARTICLE, "article-2017-gbk.html");

    /** Each check on the site with errors: (url, excerpt, correction) of every problem, in page order. */
    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("misusedWords", List.of(
                        tuple(SITE, "截止目前", "截至目前"),
                        tuple(SITE, "按装", "安装"),
                        tuple(NEW_ARTICLE, "再接再励", "再接再厉"),
                        tuple(OLD_ARTICLE, "一如继往", "一如既往"))),
                // The 2017 article names 国土资源局 rightly: it was renamed in 2019.
                Arguments.of("outdatedNames", List.of(
                        tuple(SITE, "国土资源局", "自然资源局（自然资源和规划局）"),
                        tuple(NEW_ARTICLE, "环境保护局", "生态环境局"))),
                // The portal's script writes 百家乐 too: script is not text. The article's off-screen block is.
                Arguments.of("sensitiveWords", List.of(
                        tuple(NEW_ARTICLE, "真人娱乐", "删除或改写含“真人娱乐”的内容"),
                        tuple(NEW_ARTICLE, "百家乐", "删除或改写含“百家乐”的内容"))),
                // 副县长 王强 (with a space) is right; 县长王强 is not; 县长张华 shortens 县委副书记、县长 rightly.
                Arguments.of("leaderNames", List.of(tuple(SITE, "县长王强", "应为：副县长王强"))));
    }

    @ParameterizedTest(name = "{0} finds the errors")
    @MethodSource("errors")
    void check_siteWithErrors_reportsEachHitWithExcerptAndCorrection(String id, List<?> expected) {
        CheckResult r = checks.get(id).check(site("portal-county-trs.html", NEWS, PAGES, LEADERS));

        assertThat(r.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.problems()).extracting(CheckProblem::url, CheckProblem::excerpt, CheckProblem::correction)
                .containsExactlyElementsOf(expected.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
        // Each message quotes the hit's sentence, bounded.
        r.problems().forEach(p -> {
            assertThat(p.message()).contains(p.excerpt()).contains("原文：");
            assertThat(p.message().length()).isLessThan(160);
        });
        assertThat(r.summary()).contains("首页及文章 2 篇");
    }

    @Test
    void check_siteWithErrors_severityFromTheData() {
        CheckInput in = site("portal-county-trs.html", NEWS, PAGES, LEADERS);

        assertThat(checks.get("misusedWords").check(in).problems()).extracting(CheckProblem::severity)
                .containsOnly(ProblemSeverity.DEDUCT);
        assertThat(checks.get("outdatedNames").check(in).problems()).extracting(CheckProblem::code)
                .containsOnly("outdated_name");
        assertThat(checks.get("sensitiveWords").check(in).problems()).extracting(CheckProblem::severity)
                .containsOnly(ProblemSeverity.SEVERE);
        assertThat(checks.get("leaderNames").check(in).problems()).extracting(CheckProblem::code,
                CheckProblem::severity).containsOnly(tuple("leader_title", ProblemSeverity.SEVERE));
    }

    @ParameterizedTest(name = "{0} passes a clean site")
    @MethodSource("ids")
    void check_cleanSite_passes(String id) {
        // 渡过难关, 截至目前, 安装, current body names, 打击赌博, 张华同志县长, 副县长刘芳 (常务副县长): all right.
        List<CheckInput.ListedItem> none = List.of();
        CheckResult r = checks.get(id).check(site("portal-clean.html", none, Map.of(), LEADERS));

        assertThat(r.outcome()).as(r.summary() + " " + r.problems()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.summary()).contains("首页及文章 0 篇").contains("未发现");
    }

    static Stream<String> ids() {
        return Stream.of("misusedWords", "outdatedNames", "sensitiveWords", "leaderNames");
    }

    @Test
    void leaderNames_noLeadersInTheRegistry_notChecked() {
        CheckResult r = checks.get("leaderNames").check(site("portal-county-trs.html", NEWS, PAGES, List.of()));

        assertThat(r.outcome()).isEqualTo(CheckOutcome.NOT_CHECKED);
        assertThat(r.summary()).contains("没有本单位领导");
    }

    @Test
    void checks_shareOneSample_articlesFetchedOnce() {
        List<String> asked = new ArrayList<>();
        CheckInput base = site("portal-county-trs.html", NEWS, PAGES, LEADERS);
        CheckPages counting = new CheckPages() {
            @Override
            public CheckPage get(String url) {
                asked.add(url);
                return base.pages().get(url);
            }

            @Override
            public int left() {
                return base.pages().left();
            }
        };
        CheckInput in = new CheckInput(base.siteUrl(), base.homepageUrl(), base.kind(), base.homepage(),
                base.sections(), base.context(), counting, NOW);

        ids().forEach(id -> checks.get(id).check(in));

        // Newest first, other hosts left out, each page once for all four checks.
        assertThat(asked).containsExactly(NEW_ARTICLE, OLD_ARTICLE);
    }

    @Test
    void rules_badWordingBlock_namesTheField() {
        String yaml = """
                maxCheckPagesPerSite: 4
                serviceGuide: { enabled: true }
                technical: { enabled: true }
                safety: { enabled: true }
                wording:
                  enabled: true
                  sampleArticles: 2
                  families: [news]
                  maxHitsPerPage: 5
                  maxTextChars: 1000
                  contextChars: 20
                  misusedWords:
                    - { wrong: 按装, right: 按装好, severe: false }
                  outdatedNames:
                    - { old: 国土资源局, current: 自然资源局, since: 2019-13-01 }
                  sensitiveWords: []
                  leaders: { severe: true, posts: [局长], honorifics: [], qualifiers: [副] }
                """;

        assertThatThrownBy(() -> InspectionRules.parse(yaml, "checks.yml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("wording.misusedWords[0].right")
                .hasMessageContaining("wording.outdatedNames[0].since");
    }
}
