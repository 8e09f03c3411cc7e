package org.egovmonitor.crawler.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.platform.RuleFileException;
import org.egovmonitor.registry.SiteKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service-guide check on the hand-written guide pages of src/test/resources/pages/checks/guides (decoded as the
 * engine decodes them), and on a few lines where a label must be told from running text.
 */
class ServiceGuideCheckTest {

    private static final String SITE = "http://www.qingyang.gov.cn/";
    private static final LocalDate NOW = LocalDate.of(2024, 5, 20);
    private static final InspectionRules RULES = InspectionRules.load(Path.of("crawlers/checks.yml"));
    private static final SiteCheck CHECK = RULES.checks().stream()
            .filter(c -> c.id().equals(ServiceGuideCheck.ID)).findFirst().orElseThrow();
    private static final String ALL_TEN = "事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程、收费标准、办理时限";

    static Stream<Arguments> goldenGuides() {
        return Stream.of(
                // a TRS editor table: 事项名称 | …, bold labels in the first cell, 收费标准及依据, 承诺时限
                Arguments.of("guide-table-trs.html", "text/html", List.of()),
                // a 2003 ASP page in GB2312: 【label】value lines separated by <br>
                Arguments.of("guide-labels-2003-gbk.html", "text/html", List.of()),
                // dt labels, h3 headings, span labels in list items
                Arguments.of("guide-headings-modern.html", "text/html; charset=utf-8", List.of()),
                // 一、事项名称 … headings, two elements missing; both words appear in a closing sentence only
                Arguments.of("guide-incomplete-trs.html", "text/html; charset=utf-8", List.of("设定依据", "收费标准")),
                // a notice naming every element inside its sentences states none of them
                Arguments.of("notice-running-text.html", "text/html; charset=utf-8",
                        List.of(ALL_TEN.split("、"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenGuides")
    void check_goldenGuide_reportsExactlyTheMissingElements(String fixture, String contentType,
                                                            List<String> missing) throws IOException {
        Pages pages = new Pages().serve(SITE + "bszn/t1.html", fixture, contentType);
        CheckResult r = CHECK.check(input(pages, List.of(item("指南一", SITE + "bszn/t1.html"))));

        assertThat(r.check()).isEqualTo("serviceGuides");
        assertThat(r.metrics()).containsEntry("guidesSampled", 1.0)
                .containsEntry("guidesComplete", missing.isEmpty() ? 1.0 : 0.0);
        if (missing.isEmpty()) {
            assertThat(r.outcome()).isEqualTo(CheckOutcome.PASSED);
            assertThat(r.problems()).isEmpty();
            assertThat(r.summary()).isEqualTo("抽查办事指南 1 篇，要素齐全 1 篇（100%）");
        } else {
            assertThat(r.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("guide_incomplete");
                assertThat(p.severity()).isEqualTo(ProblemSeverity.DEDUCT);
                assertThat(p.url()).isEqualTo(SITE + "bszn/t1.html");
                assertThat(p.excerpt()).isNull();
                assertThat(p.correction()).isEqualTo("补充：" + String.join("、", missing));
                assertThat(p.message()).isEqualTo("办事指南《指南一》缺少 " + missing.size() + " 项要素："
                        + String.join("、", missing));
            });
            assertThat(r.summary()).isEqualTo("抽查办事指南 1 篇，要素齐全 0 篇（0%）");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("lines")
    void elementOf_line_labelsOnlyAtTheStartOfALine(String html, String expected) {
        GuideLabels labels = labels();
        List<String> found = new ArrayList<>(labels.found(Jsoup.parse(html), java.util.Set.of()));
        assertThat(found).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("<table><tr><th>办理时限</th><td>5个工作日</td></tr></table>", "timeLimit"),
                Arguments.of("<p>设定依据：《行政许可法》</p>", "basis"),
                Arguments.of("<p>设定依据:《行政许可法》</p>", "basis"),
                Arguments.of("<p><b>收费标准</b>不收费</p>", "fees"),
                Arguments.of("<p>（三）申请材料</p>", "materials"),
                Arguments.of("<p>3．办理地点：政务服务中心</p>", "place"),
                Arguments.of("<p>★办理地点：政务服务中心</p>", "place"),
                Arguments.of("<p>第二项、办理地点：政务服务中心</p>", "place"),
                Arguments.of("<div>办　理　时　间：工作日</div>", "hours"),
                Arguments.of("<p>【收费依据及标准】不收费</p>", "fees"),
                Arguments.of("<p>联系电话（咨询）：0566-1234567</p>", "phone"),
                // running text: the words are there, no label is
                Arguments.of("<p>申请人应按设定依据准备申请材料。</p>", null),
                Arguments.of("<p>办理材料应当真实有效，复印件须加盖公章。</p>", null),
                Arguments.of("<p>请携带<b>申请材料</b>到窗口办理。</p>", null),
                Arguments.of("<p>详见办理流程</p>", null),
                // a label with a tail longer than maxLabelChars is a sentence, not a label
                Arguments.of("<p>办理时间为每周一至周五上午八点半至十二点：</p>", null));
    }

    @Test
    void check_footerLineOfTheHomepage_isNotTheGuidesPhone() {
        Pages pages = new Pages();
        pages.html(SITE + "bszn/t1.html", "<html><body><h1>某某指南</h1><p>事项名称：某某</p>"
                + "<p>联系电话：0566-5021000</p></body></html>");
        Document home = Jsoup.parse("<html><body><a href='/bszn/'>办事指南</a>"
                + "<p>联系电话：0566-5021000</p></body></html>", SITE);
        CheckResult r = CHECK.check(input(home, pages, List.of(item("某某指南", SITE + "bszn/t1.html"))));
        assertThat(r.problems()).singleElement().extracting(CheckProblem::correction)
                .isEqualTo("补充：设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程、收费标准、办理时限");
    }

    @Test
    void check_sampleOfFive_judgesTheFirstFiveGuidesInListOrder() throws IOException {
        Pages pages = new Pages();
        List<CheckInput.ListedItem> items = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String url = SITE + "bszn/t" + i + ".html";
            pages.serve(url, i % 2 == 0 ? "guide-incomplete-trs.html" : "guide-table-trs.html", "text/html");
            items.add(item("指南" + i, url));
        }
        items.add(1, item("附件下载", "ftp://ftp.qingyang.gov.cn/a.doc"));
        CheckResult r = CHECK.check(input(pages, items));
        assertThat(r.summary()).isEqualTo("抽查办事指南 5 篇，要素齐全 3 篇（60%）");
        assertThat(r.metrics()).containsEntry("guidesSampled", 5.0).containsEntry("guidesComplete", 3.0);
        assertThat(r.problems()).extracting(CheckProblem::url)
                .containsExactly(SITE + "bszn/t2.html", SITE + "bszn/t4.html");
        assertThat(pages.asked).containsExactly(SITE + "bszn/t1.html", SITE + "bszn/t2.html", SITE + "bszn/t3.html",
                SITE + "bszn/t4.html", SITE + "bszn/t5.html");
    }

    @Test
    void check_failedAndNonHtmlPages_areSkippedAndSaid() throws IOException {
        Pages pages = new Pages().serve(SITE + "bszn/t3.html", "guide-table-trs.html", "text/html");
        pages.failed(SITE + "bszn/t1.html", 404);
        pages.failed(SITE + "bszn/t2.doc", 200);
        CheckResult r = CHECK.check(input(pages, List.of(item("甲", SITE + "bszn/t1.html"),
                item("乙", SITE + "bszn/t2.doc"), item("丙", SITE + "bszn/t3.html"))));
        assertThat(r.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.summary()).isEqualTo("抽查办事指南 1 篇，要素齐全 1 篇（100%）；另有 2 个页面无法读取或不是网页，已跳过");
        assertThat(r.metrics()).containsEntry("guidesSkipped", 2.0);
    }

    @Test
    void check_nothingToJudge_isNotChecked() {
        Pages pages = new Pages();
        pages.failed(SITE + "bszn/t1.html", 500);
        CheckResult none = CHECK.check(new CheckInput(SITE, SITE, SiteKind.COUNTY, Jsoup.parse("", SITE),
                List.of(new CheckInput.SectionList("news", "新闻", SITE + "xw/", List.of())), null, pages, NOW));
        assertThat(none.outcome()).isEqualTo(CheckOutcome.NOT_CHECKED);
        assertThat(none.summary()).isEqualTo("未找到办事指南栏目，未抽查办事指南要素");

        CheckResult failing = CHECK.check(input(pages, List.of(item("甲", SITE + "bszn/t1.html"))));
        assertThat(failing.outcome()).isEqualTo(CheckOutcome.NOT_CHECKED);
        assertThat(failing.summary()).isEqualTo("办事指南页面均无法读取或不是网页（1 个），未抽查办事指南要素");

        Pages spent = new Pages();
        spent.left = 0;
        CheckResult budget = CHECK.check(input(spent, List.of(item("甲", SITE + "bszn/t1.html"))));
        assertThat(budget.outcome()).isEqualTo(CheckOutcome.NOT_CHECKED);
        assertThat(budget.summary()).isEqualTo("检查页面配额已用完，未能抽查办事指南");
    }

    @Test
    void check_entriesThatAreSubLists_areReadOneLevelDown() throws IOException {
        Pages pages = new Pages();
        // 个人办事 / 法人办事: sub-lists, each listing guides beside the site's navigation and a pager
        String nav = "<a href='/'>首页</a><a href='/bszn/'>办事指南</a>";
        pages.html(SITE + "bszn/gr/", "<html><body>" + nav + "<ul>"
                + "<li><a href='/bszn/gr/t1.html'>城乡居民最低生活保障审批</a></li>"
                + "<li><a href='/bszn/gr/t2.html'>建设工程规划许可证核发</a></li>"
                + "<li><a href='/bszn/gr/t3.html'>残疾人证办理指南</a></li></ul>"
                + "<a href='/bszn/gr/index_1.html'>下一页</a></body></html>");
        pages.serve(SITE + "bszn/gr/t1.html", "guide-incomplete-trs.html", "text/html; charset=utf-8");
        pages.serve(SITE + "bszn/gr/t2.html", "guide-table-trs.html", "text/html");
        pages.serve(SITE + "bszn/gr/t3.html", "guide-headings-modern.html", "text/html; charset=utf-8");
        Document home = Jsoup.parse("<html><body>" + nav + "</body></html>", SITE);
        CheckResult r = CHECK.check(input(home, pages, List.of(item("个人办事", SITE + "bszn/gr/"))));
        assertThat(r.summary()).isEqualTo("抽查办事指南 3 篇，要素齐全 2 篇（67%）");
        assertThat(r.problems()).extracting(CheckProblem::url).containsExactly(SITE + "bszn/gr/t1.html");
        assertThat(r.problems().get(0).message()).startsWith("办事指南《城乡居民最低生活保障审批》缺少 2 项要素");
        assertThat(pages.asked).doesNotContain(SITE + "bszn/gr/index_1.html", SITE);
    }

    @Test
    void check_sectionWithoutEntries_readsItsListPageAsAnIndex() throws IOException {
        // a 办事指南 column whose page is a column index: the engine read no entries of its own
        Pages pages = new Pages();
        pages.html(SITE + "bszn/", "<html><body><a href='/'>首页</a><ul>"
                + "<li><a href='/bszn/gr/t1.html'>建设工程规划许可证核发</a></li>"
                + "<li><a href='/bszn/gr/t2.html'>城乡居民最低生活保障审批</a></li></ul></body></html>");
        pages.serve(SITE + "bszn/gr/t1.html", "guide-table-trs.html", "text/html");
        pages.serve(SITE + "bszn/gr/t2.html", "guide-incomplete-trs.html", "text/html; charset=utf-8");
        CheckResult r = CHECK.check(input(pages, List.of()));
        assertThat(r.summary()).isEqualTo("抽查办事指南 2 篇，要素齐全 1 篇（50%）");
        assertThat(pages.asked).containsExactly(SITE + "bszn/", SITE + "bszn/gr/t1.html", SITE + "bszn/gr/t2.html");
    }

    @Test
    void check_hugePage_readsOnlyMaxTextChars() {
        Pages pages = new Pages();
        pages.html(SITE + "bszn/t1.html", "<html><body><p>" + "字".repeat(70_000) + "</p><p>设定依据：某法</p>"
                + "</body></html>");
        CheckResult r = CHECK.check(input(pages, List.of(item("甲", SITE + "bszn/t1.html"))));
        assertThat(r.problems()).singleElement().extracting(CheckProblem::correction)
                .isEqualTo("补充：" + ALL_TEN);
    }

    @Test
    void rules_badServiceGuideBlock_failsNamingTheField() {
        String yaml = """
                maxCheckPagesPerSite: 16
                serviceGuide:
                  enabled: true
                  families: [service_guide]
                  sampleGuides: 0
                  maxIndexPages: 2
                  minLinkChars: 4
                  maxLabelChars: 12
                  maxTextChars: 60000
                  elements:
                    - id: basis
                      name: 设定依据
                      synonyms: [办理依据]
                    - id: basis2
                      name: 法律依据
                      synonyms: [办理依据]
                wording: {enabled: true}
                technical: {enabled: true}
                safety: {enabled: true}
                """;
        assertThatThrownBy(() -> InspectionRules.parse(yaml, "checks.yml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("serviceGuide.sampleGuides：必须是不小于 1 的整数，实为 0")
                .hasMessageContaining("serviceGuide.elements[1].synonyms：“办理依据”已是要素“设定依据”的写法");
    }

    // ---------------------------------------------------------------- fixtures

    private static GuideLabels labels() {
        return ((ServiceGuideCheck) CHECK).labels();
    }

    private static CheckInput.ListedItem item(String title, String url) {
        return new CheckInput.ListedItem(title, url, null);
    }

    private static CheckInput input(Pages pages, List<CheckInput.ListedItem> items) {
        return input(Jsoup.parse("<html><body><a href='/bszn/'>办事指南</a></body></html>", SITE), pages, items);
    }

    private static CheckInput input(Document home, Pages pages, List<CheckInput.ListedItem> items) {
        return new CheckInput(SITE, SITE, SiteKind.COUNTY, home,
                List.of(new CheckInput.SectionList("service_guide", "办事指南", SITE + "bszn/", items)), null, pages,
                NOW);
    }

    /** Pages decoded the way the engine decodes them; every GET recorded. */
    private static final class Pages implements CheckPages {
        private final Map<String, CheckPage> pages = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        int left = 16;

        Pages serve(String url, String fixture, String contentType) throws IOException {
            byte[] body;
            try (InputStream in = getClass().getResourceAsStream("/pages/checks/guides/" + fixture)) {
                body = in.readAllBytes();
            }
            pages.put(url, new CheckPage(url, url, 200, null,
                    Jsoup.parse(new PageDecoder().decode(body, contentType).html(), url)));
            return this;
        }

        void html(String url, String html) {
            pages.put(url, new CheckPage(url, url, 200, null, Jsoup.parse(html, url)));
        }

        void failed(String url, int status) {
            pages.put(url, new CheckPage(url, url, status, status == 200 ? null : "HTTP_ERROR", null));
        }

        @Override
        public CheckPage get(String url) {
            if (left <= 0) {
                return null;
            }
            left--;
            asked.add(url);
            return pages.getOrDefault(url, new CheckPage(url, url, 404, "HTTP_ERROR", null));
        }

        @Override
        public int left() {
            return left;
        }
    }
}
