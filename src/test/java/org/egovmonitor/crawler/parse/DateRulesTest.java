package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The date and blank-column rules of real sites, read through the shipped vocabulary
 * ({@code crawlers/sections.yml}): one small page per rule, with the newest date, item count and blank/index flags a
 * person reading the page would give.
 */
class DateRulesTest {

    private static final LocalDate NOW = LocalDate.of(2024, 6, 20);
    private static final SectionCatalog CATALOG = CrawlerFiles.defaultCatalog();
    private static final ListPageAnalyzer LISTS =
            new ListPageAnalyzer(CATALOG.blankPlaceholders(), CATALOG.listVocabulary());
    private static final HomepageAnalyzer HOMEPAGES = new HomepageAnalyzer(CATALOG.listVocabulary());

    private static String li(String href, String title, String date) {
        return "<li><a href=\"" + href + "\">" + title + "</a>" + (date == null ? "" : "<span>" + date + "</span>")
                + "</li>";
    }

    static Stream<Arguments> listPages() {
        return Stream.of(
                Arguments.of("a year inside a headline is no date",
                        "<ul>" + li("/a/1.html", "2003年工作要点", null) + li("/a/2.html", "2004年工作总结", null)
                                + "</ul>", null, 2, false, false),
                Arguments.of("a typo'd future date is not the newest",
                        "<ul>" + li("/a/1.html", "通知一", "2034-06-12") + li("/a/2.html", "通知二", "2024-06-11")
                                + li("/a/3.html", "通知三", "2024-05-02") + "</ul>", "2024-06-11", 3, false, false),
                Arguments.of("year-less dates take the year of their heading row",
                        "<table><tr><td>2023年</td></tr><tr><td><a href=/a/1.html>通知一</a></td><td>[12-30]</td></tr>"
                                + "<tr><td><a href=/a/2.html>通知二</a></td><td>[11-02]</td></tr></table>",
                        "2023-12-30", 2, false, false),
                Arguments.of("a labelled date in the middle of the row",
                        "<ul><li><a href=/a/1.html>关于开展检查的通知</a> 发布时间：2024-06-13 浏览次数：35</li>"
                                + "<li><a href=/a/2.html>关于开展评比的通知</a> 发布时间：2024-05-13 浏览次数：12</li></ul>",
                        "2024-06-13", 2, false, false),
                Arguments.of("an undated list is dated by its article URLs",
                        "<ul>" + li("/xw/202406/t20240613_1.html", "新闻一", null)
                                + li("/xw/202406/t20240601_2.html", "新闻二", null) + "</ul>",
                        "2024-06-13", 2, false, false),
                Arguments.of("a card link dates itself in its heading, not in the middle of its joined text",
                        "<ul><a class=box href=/a/1.html><h3>召开安全工作推进会(2024-06-13)</h3><p>召开安全工作推进会</p></a>"
                                + "<a class=box href=/a/2.html><h3>举办培训班(2024-06-02)</h3><p>举办培训班</p></a></ul>",
                        "2024-06-13", 2, false, false),
                Arguments.of("a card link's date part is its date; a date inside its headline is not",
                        "<ul><li><a href=/a/1.html><p>关于2024年6月18日停电的通知</p><span>2024-06-10</span></a></li>"
                                + "<li><a href=/a/2.html><p>关于2024年6月19日停水的通知</p><p>摘要</p></a></li></ul>",
                        "2024-06-10", 2, false, false),
                Arguments.of("an undated list is dated by its /yyyymmdd/ folders, not by an id that looks like one",
                        "<ul>" + li("/staticpages/20240520/a5ce266e6-350.html", "成果一", null)
                                + li("/staticpages/20240508/a5cd2afbc-347.html", "成果二", null)
                                + li("/doc/20241399/3.html", "成果三", null) + "</ul>", "2024-05-20", 3, false, false),
                Arguments.of("the page's today banner never dates the list",
                        "<div class=top>今天是2024年6月19日 星期三</div><ul>" + li("/a/1.html", "办事指南一", null)
                                + li("/a/2.html", "办事指南二", null) + "</ul>", null, 2, false, false),
                Arguments.of("暂无信息 is a blank column", "<div class=list>暂无信息</div>", null, 0, true, false),
                Arguments.of("栏目建设中 is a blank column", "<div class=list><p>栏目建设中……</p></div>", null, 0,
                        true, false),
                Arguments.of("a page listing sub-columns is an index, not blank",
                        "<ul>" + li("/zwgk/gzdt/", "工作动态", null) + li("/zwgk/tzgg/", "通知公告", null)
                                + li("/zwgk/zcwj/", "政策文件", null) + "</ul>", null, 3, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listPages")
    void listPage(String rule, String body, String newest, int items, boolean blank, boolean index) {
        ListPageSummary s = LISTS.analyze(Jsoup.parse("<html><body>" + body + "</body></html>",
                "http://www.example.gov.cn/col/"), 30, NOW);
        assertThat(s.newestDate()).as(rule).isEqualTo(newest == null ? null : LocalDate.parse(newest));
        assertThat(s.items()).as(rule + ": items").isEqualTo(items);
        assertThat(s.blank()).as(rule + ": blank").isEqualTo(blank);
        assertThat(s.index()).as(rule + ": index").isEqualTo(index);
    }

    private static String block(String heading, String... rows) {
        return "<div class=block><div class=hd><h3>" + heading + "</h3><a href=/more/>更多&gt;&gt;</a></div><ul>"
                + String.join("", rows) + "</ul></div>";
    }

    private static String tableBlock(String headingCell, String... rows) {
        StringBuilder b = new StringBuilder("<table><tr><td>" + headingCell + "</td><td><a href=/more.htm>更多&gt;&gt;"
                + "</a></td></tr><tr><td colspan=2><table>");
        for (String r : rows) {
            b.append(r);
        }
        return b.append("</table></td></tr></table>").toString();
    }

    private static String tr(String href, String title, String date) {
        return "<tr><td><a href=\"" + href + "\">" + title + "</a></td><td>" + date + "</td></tr>";
    }

    static Stream<Arguments> homepages() {
        String news = block("政务要闻", li("/xw/1.html", "县政府召开常务会议", "2024-06-01"),
                li("/xw/2.html", "县长调研重点项目", "2024-05-28"));
        return Stream.of(
                Arguments.of("letters in the 县长信箱 block are not the site's news",
                        news + block("县长信箱", li("/xx/1.html", "关于道路修缮的建议", "2024-06-18"),
                                li("/xx/2.html", "咨询社保办理", "2024-06-17")), "2024-06-01", 2),
                Arguments.of("a 2003-era table block headed by an image (alt 在线咨询) is a message list",
                        tableBlock("<b>政务要闻</b>", tr("/xw/1.html", "县政府召开常务会议", "[06-01]"),
                                tr("/xw/2.html", "县长调研重点项目", "[05-28]"))
                                + tableBlock("<img src=/t.gif alt=在线咨询>", tr("/zx/1.html", "请问护照办理", "[06-18]"),
                                tr("/zx/2.html", "咨询营业执照", "[06-17]")), "2024-06-01", 2),
                Arguments.of("a 2003-era block headed by its linked column name (访客留言) is a message list",
                        tableBlock("<b>政务要闻</b>", tr("/xw/1.html", "县政府召开常务会议", "[06-01]"),
                                tr("/xw/2.html", "县长调研重点项目", "[05-28]"))
                                + "<table><tr><td><a href=/ly.htm><b>访客留言</b></a></td><td>&nbsp;</td></tr><tr><td "
                                + "colspan=2><table>" + tr("/ly/1.html", "请问护照办理", "[06-18]")
                                + tr("/ly/2.html", "咨询营业执照", "[06-17]") + "</table></td></tr></table>",
                        "2024-06-01", 2),
                Arguments.of("URL dates of an undated block do not outdo the dates the homepage shows",
                        news + block("图片新闻", li("/tp/202406/t20240615_9.html", "图片新闻一", null),
                                li("/tp/202406/t20240614_8.html", "图片新闻二", null)), "2024-06-01", 2),
                Arguments.of("a homepage that shows no date is dated by its article URLs",
                        block("图片新闻", li("/tp/202406/t20240615_9.html", "图片新闻一", null),
                                li("/tp/202406/t20240614_8.html", "图片新闻二", null)), "2024-06-15", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("homepages")
    void homepage(String rule, String body, String newest, int datedItems) {
        HomepageSummary s = HOMEPAGES.analyze(Jsoup.parse("<html><body>" + body + "</body></html>",
                "http://www.example.gov.cn/"), NOW);
        assertThat(s.newestDate()).as(rule).isEqualTo(LocalDate.parse(newest));
        assertThat(s.datedItems()).as(rule + ": dated items").isEqualTo(datedItems);
    }
}
