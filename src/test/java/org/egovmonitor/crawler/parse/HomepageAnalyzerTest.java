package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HomepageAnalyzerTest {

    private static final LocalDate NOW = LocalDate.of(2003, 4, 20);
    private final HomepageAnalyzer analyzer = new HomepageAnalyzer();

    private HomepageSummary analyze(String body) {
        return analyzer.analyze(Jsoup.parse("<html><body>" + body + "</body></html>", "http://www.a.gov.cn/"), NOW);
    }

    private static final String CONTENT = "<div class=main><ul><li><a href='/1'>甲</a><span>04-18</span></li>"
            + "<li><a href='/2'>乙</a><span>04-10</span></li></ul></div>";

    @Test
    void analyze_navigationOnlyHomepage_isNavOnly() {
        HomepageSummary s = analyze("<ul><li><a href='/zwgk/'>政务公开</a></li><li><a href='/zwdt/'>政务动态</a></li></ul>"
                + "<p>Copyright 2001-2003 版权所有</p>");
        assertThat(s.navOnly()).isTrue();
        assertThat(s.datedItems()).isZero();
        assertThat(s.newestDate()).isNull();
    }

    @Test
    void analyze_sameLinkInTwoBlocks_countsOnce() {
        HomepageSummary s = analyze(CONTENT + "<ul><li><a href='/1#x'>甲</a><span>04-18</span></li>"
                + "<li><a href='/3'>丙</a><span>03-01</span></li></ul>");
        assertThat(s.datedItems()).isEqualTo(3);
        assertThat(s.newestDate()).isEqualTo(LocalDate.of(2003, 4, 18));
        assertThat(s.navOnly()).isFalse();
    }

    @Test
    void analyze_navOrFooterChange_keepsContentHash() {
        String a = analyze("<div id=nav><a href='/x'>首页</a></div>" + CONTENT + "<div class=footer>2003</div>")
                .contentHash();
        String b = analyze("<div id=nav><a href='/y'>网站首页</a> <a href='/z'>English</a></div>" + CONTENT
                + "<div class=footer>Copyright 2004 新页脚</div>").contentHash();
        String c = analyze("<div id=nav><a href='/x'>首页</a></div>" + CONTENT.replace("甲", "甲二")
                + "<div class=footer>2003</div>").contentHash();
        assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
    }

    @Nested
    class ContentLists {

        private static final String TABLE = "<table width=778 border=0 align=center>";
        private static final String FOOTER = TABLE + "<tr><td align=center><a href='/lxwm.asp'>联系我们</a><br>"
                + "版权所有 &copy; 2003 某镇人民政府</td></tr></table>";

        /**
         * Page body; each content list's entry URLs (host left out when it is the page's). A row of nothing but links
         * is no entry; the links inside one cell are still a run of bare links, which the measurer keeps when it
         * names families (a menu).
         */
        static Stream<Arguments> pages() {
            return Stream.of(
                    Arguments.of("stacked layout tables: a navigation table of link cells beside a footer table",
                            TABLE + "<tr><td><a href='/index.asp'>首页</a></td><td>|</td>"
                                    + "<td><a href='/zwgk.htm'>政务公开</a></td><td>|</td>"
                                    + "<td><a href='/gkxx.htm'>概况信息</a></td></tr></table>" + FOOTER,
                            List.of()),
                    Arguments.of("one section: 首页 | 政务公开 is a bar too",
                            TABLE + "<tr><td><a href='/'>首页</a></td><td><font>丨</font></td>"
                                    + "<td><a href='/zwgk.htm'>政务公开</a></td></tr></table>" + FOOTER,
                            List.of()),
                    Arguments.of("rows of one layout table: the navigation row's links separated by | in one cell",
                            TABLE + "<tr><td><img src=top.jpg></td></tr><tr><td bgcolor=#336699>"
                                    + "<a href='/'>首 页</a> | <a href='/zwgk/'>信息公开</a> | "
                                    + "<a href='/zwdt/'>本地要闻</a></td></tr>"
                                    + "<tr><td><a href='/lxwm.asp'>联系我们</a> 版权所有 2003</td></tr></table>",
                            List.of(List.of("/zwgk/", "/zwdt/"))),
                    Arguments.of("a row with a label beside its links stays an entry",
                            TABLE + "<tr><td><a href='/'>首页</a> | <a href='/zwgk/'>政务公开</a></td></tr>"
                                    + "<tr><td>友情链接：<a href='http://www.ah.gov.cn/'>安徽省人民政府</a> "
                                    + "<a href='http://www.chizhou.gov.cn/'>池州市人民政府</a></td></tr>"
                                    + "<tr><td><a href='/lxwm.asp'>联系我们</a> 版权所有 2003</td></tr></table>",
                            List.of(List.of("http://www.ah.gov.cn/", "/lxwm.asp"),
                                    List.of("http://www.ah.gov.cn/", "http://www.chizhou.gov.cn/"))),
                    Arguments.of("the day's date as a greeting beside the links: the row is a bar, its cell a run of links",
                            TABLE + "<tr><td>今天是2026年11月26日 星期四</td><td><a href='/'>首页</a> | "
                                    + "<a href='/zwgk/'>政务公开</a> | <a href='/gk/'>概况信息</a></td></tr></table>"
                                    + FOOTER,
                            List.of(List.of("/zwgk/", "/gk/"))),
                    Arguments.of("a weekday after a numeric date greets as well",
                            TABLE + "<tr><td><a href='/'>首页</a> · <a href='/zwgk/'>政务公开</a> "
                                    + "2003-04-20 星期日 10:30</td></tr></table>" + FOOTER,
                            List.of()),
                    Arguments.of("a strip of image buttons beside a footer table",
                            TABLE + "<tr><td><a href='/zzxx/'><img src=x.gif alt=镇长信箱></a>&nbsp;"
                                    + "<a href='/bszn/'><img src=y.gif alt=办事指南></a></td></tr></table>" + FOOTER,
                            List.of(List.of("/zzxx/", "/bszn/"))),
                    Arguments.of("dated rows with a category link are entries",
                            "<table><tr><td>·<a href='/tz/'>[通知]</a> <a href='/tz/1.htm'>关于春耕的通知</a></td>"
                                    + "<td>04-18</td></tr><tr><td>·<a href='/tz/'>[通知]</a> "
                                    + "<a href='/tz/2.htm'>关于防汛的通知</a></td><td>04-10</td></tr></table>",
                            List.of(List.of("/tz/", "/tz/"), List.of("/tz/", "/tz/1.htm"),
                                    List.of("/tz/", "/tz/2.htm"))),
                    Arguments.of("undated rows of a 概况 block are entries",
                            "<table><tr><td>·<a href='/gk/1.htm'>历史沿革</a></td></tr>"
                                    + "<tr><td>·<a href='/gk/2.htm'>自然地理</a></td></tr></table>",
                            List.of(List.of("/gk/1.htm", "/gk/2.htm"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("pages")
        void contentLists_page_rowsOfOnlyLinksAreNoEntries(String name, String body, List<List<String>> expected) {
            List<List<String>> urls = analyzer.contentLists(
                    Jsoup.parse("<html><body>" + body + "</body></html>", "http://www.a.gov.cn/"), NOW).stream()
                    .map(list -> list.stream().map(ListEntry::url).toList()).toList();
            assertThat(urls).isEqualTo(expected.stream().map(list -> list.stream()
                    .map(u -> u.startsWith("/") ? "http://www.a.gov.cn" + u : u).toList()).toList());
        }
    }
}
