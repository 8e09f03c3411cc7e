package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SubColumnFinderTest {

    private static final String SITE = "http://www.example.gov.cn";
    private static final Set<String> HOSTS = Set.of("www.example.gov.cn");
    private static final Set<String> KNOWN = Set.of(SITE + "/", SITE + "/zwgk/", SITE + "/xwdt/", SITE + "/tzgg/");

    private static List<String> find(String body, String sectionPath, boolean platform, Set<String> items) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", SITE + sectionPath);
        return new SubColumnFinder(3, CrawlerFiles.defaultCatalog().subColumnWords()).find(doc, SITE + sectionPath, HOSTS, KNOWN, items, platform).stream()
                .map(c -> c.title() + " " + c.url().substring(SITE.length())).toList();
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("left-hand menu by class", "/tzgg/", false,
                        "<div class='left'><ul><li><a href='/col/col11/'>市级通知</a></li>"
                                + "<li><a href='/col/col12/'>部门公告</a></li></ul></div>",
                        List.of("市级通知 /col/col11/", "部门公告 /col/col12/")),
                Arguments.of("block below the section's directory, no hint", "/tzgg/", false,
                        "<table><tr><td><a href='/tzgg/sjtz/'>市级通知</a></td><td><a href='bmgg/'>部门公告</a></td>"
                                + "</tr></table>",
                        List.of("市级通知 /tzgg/sjtz/", "部门公告 /tzgg/bmgg/")),
                Arguments.of("unhinted block elsewhere on a list page", "/tzgg/", false,
                        "<ul><li><a href='/jgzn/'>机构职能</a></li><li><a href='/ldxx/'>领导信息</a></li></ul>",
                        List.of()),
                Arguments.of("the same block on the platform", "/zwgk/", true,
                        "<ul><li><a href='/jgzn/'>机构职能</a></li><li><a href='/ldxx/'>领导信息</a></li></ul>",
                        List.of("机构职能 /jgzn/", "领导信息 /ldxx/")),
                Arguments.of("site navigation bar (it links 首页)", "/zwgk/", true,
                        "<div class='menu'><a href='/'>首页</a><a href='/jgzn/'>机构职能</a><a href='/ldxx/'>领导信息</a>"
                                + "</div>",
                        List.of()),
                Arguments.of("articles: dated paths, numeric ids, long titles", "/zwgk/", true,
                        "<ul><li><a href='/zwgk/202405/t20240518_1.html'>会议召开</a></li>"
                                + "<li><a href='/zwgk/1314.html'>工作动态</a></li>"
                                + "<li><a href='/zwgk/a/'>关于做好全市防汛抗旱工作的通知</a></li></ul>",
                        List.of()),
                Arguments.of("footer services", "/zwgk/", true,
                        "<div class='footer'><a href='/wzdt/'>网站地图</a><a href='/lxwm/'>联系我们</a>"
                                + "<a href='/jgzn/'>机构职能</a><a href='/ldxx/'>领导信息</a></div>",
                        List.of()),
                Arguments.of("other hosts, known sections and hidden links are left out", "/zwgk/", true,
                        "<ul><li><a href='http://other.gov.cn/jgzn/'>机构职能</a></li><li><a href='/xwdt/'>新闻动态</a></li>"
                                + "<li style='display:none'><a href='/yc/'>隐藏栏目</a></li><li><a href='/ldxx/'>领导信息</a></li>"
                                + "<li><a href='/ghjh/'>规划计划</a></li><li><a href='/tjxx/'>统计信息</a></li></ul>",
                        List.of("领导信息 /ldxx/", "规划计划 /ghjh/", "统计信息 /tjxx/")),
                Arguments.of("a block mostly of paging links is no column list", "/zwgk/", true,
                        "<div><a href='/zwgk/?page=1'>1</a><a href='/zwgk/?page=2'>2</a><a href='/zwgk/?page=3'>下一页</a>"
                                + "<a href='/zwgk/?page=9'>尾页</a><a href='/ldxx/'>领导信息</a><a href='/ghjh/'>规划计划</a></div>",
                        List.of()),
                Arguments.of("de-duplicated and bounded", "/zwgk/", true,
                        "<ul><li><a href='/a/'>栏目一</a></li><li><a href='/a/#top'>栏目一</a></li><li><a href='/b/'>栏目二</a>"
                                + "</li><li><a href='/c/'>栏目三</a></li><li><a href='/d/'>栏目四</a></li></ul>",
                        List.of("栏目一 /a/", "栏目二 /b/", "栏目三 /c/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void find_page_subColumns(String name, String sectionPath, boolean platform, String body, List<String> expected) {
        assertThat(find(body, sectionPath, platform, Set.of())).containsExactlyElementsOf(expected);
    }

    @Nested
    class Items {
        @Test
        void find_linksThatAreDatedEntries_notColumns() {
            String body = "<div class='left'><ul><li><a href='/zwgk/jgzn/'>机构职能</a></li>"
                    + "<li><a href='/zwgk/ldxx/'>领导信息</a></li></ul></div>";
            assertThat(find(body, "/zwgk/", false, Set.of(SITE + "/zwgk/jgzn/", SITE + "/zwgk/ldxx/"))).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "机构职能, http://x.gov.cn/zwgk/jgzn/, true",
            "机构职能, http://x.gov.cn/zwgk/list.asp?classid=3, true",
            "会议召开, http://x.gov.cn/zwgk/202405/t20240518_1.html, false",
            "会议召开, http://x.gov.cn/show.asp?id=3178, false",
            "关于做好全市防汛抗旱工作的通知, http://x.gov.cn/zwgk/a/, false"})
    void isColumnLink_titleAndUrl_columnOrArticle(String title, String url, boolean column) {
        assertThat(SubColumnFinder.isColumnLink(title, url)).isEqualTo(column);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "http://x.gov.cn/zwgk/index.html, /zwgk/",
            "http://x.gov.cn/zwgk/, /zwgk/",
            "http://x.gov.cn/news.html, null",
            "http://x.gov.cn/, null"})
    void directory_sectionUrl_itsDirectory(String url, String dir) {
        assertThat(SubColumnFinder.directory(url)).isEqualTo(dir);
    }
}
