package org.egovmonitor.crawler.parse;

import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExtractorTest {

    private static final String BASE = "http://www.chizhou.gov.cn/zwgk/index.asp";
    private final LinkExtractor extractor = new LinkExtractor();

    private List<PageLink> links(String body) {
        return extractor.extract(Jsoup.parse("<html><body>" + body + "</body></html>", BASE));
    }

    @Nested
    class Urls {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "list.asp?id=1#top                 | http://www.chizhou.gov.cn/zwgk/list.asp?id=1",
                "/tzgg/                           | http://www.chizhou.gov.cn/tzgg/",
                "../bszn/index.asp                | http://www.chizhou.gov.cn/bszn/index.asp",
                "HTTP://WWW.Chizhou.GOV.cn:80     | http://www.chizhou.gov.cn/",
                "https://www.ah.gov.cn:443/xxgk/  | https://www.ah.gov.cn/xxgk/",
                "http://127.0.1.5:8080/a.html     | http://127.0.1.5:8080/a.html",
                "/下载 中心/index.asp               | http://www.chizhou.gov.cn/%E4%B8%8B%E8%BD%BD%20%E4%B8%AD%E5%BF%83/index.asp",
        })
        void extract_href_isAbsoluteAndNormalised(String href, String expected) {
            assertThat(links("<a href=\"" + href + "\">x</a>")).extracting(PageLink::url).containsExactly(expected);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource({"javascript:void(0)", "JavaScript:openWin('a.asp')", "mailto:szxx@chizhou.gov.cn",
                "tel:0566-2022222", "#", "#top", "ftp://ftp.chizhou.gov.cn/a.doc", "''"})
        void extract_nonPageHref_isSkipped(String href) {
            assertThat(links("<a href=\"" + href + "\">x</a><a>no href</a>")).isEmpty();
        }

        @Test
        void extract_baseElement_isHonoured() {
            Document doc = Jsoup.parse("<html><head><base href=\"http://www.chizhou.gov.cn/sub/\"></head>"
                    + "<body><a href=\"a.html\">a</a></body></html>", BASE);
            assertThat(extractor.extract(doc)).extracting(PageLink::url)
                    .containsExactly("http://www.chizhou.gov.cn/sub/a.html");
        }
    }

    @Nested
    class Text {

        @Test
        void extract_textAndImageLinks_useVisibleTextThenTitleThenAlt() {
            List<PageLink> result = links("<a href=\"/a\">  政务\u3000公开 \n</a>"
                    + "<a href=\"/b\" title=\"市长信箱\"><img src=\"x.gif\"></a>"
                    + "<a href=\"/c\"><img src=\"y.gif\" alt=\"网上办事\"></a>"
                    + "<a href=\"/d\"><img src=\"z.gif\"></a>");
            assertThat(result).extracting(PageLink::text).containsExactly("政务 公开", "市长信箱", "网上办事", "");
        }
    }

    @Nested
    class Hidden {

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
                "<div style=\"display:none\"><p><a href=\"/a\">通知公告</a></p></div>",
                "<div style=\"DISPLAY: NONE\"><a href=\"/a\">通知公告</a></div>",
                "<span style=\"visibility : hidden\"><a href=\"/a\">通知公告</a></span>",
                "<ul hidden><li><a href=\"/a\">通知公告</a></li></ul>",
                "<div aria-hidden=\"true\"><a href=\"/a\">通知公告</a></div>",
                "<a href=\"/a\" style=\"display:none\">通知公告</a>",
        })
        void extract_hiddenLinkOrAncestor_isMarkedHidden(String html) {
            assertThat(links(html)).extracting(PageLink::hidden).containsExactly(true);
        }

        @Test
        void extract_afterHiddenBlock_linksAreVisibleAgain() {
            assertThat(links("<div style=\"display:none\"><a href=\"/a\">a</a></div><a href=\"/b\">b</a>"))
                    .extracting(PageLink::url, PageLink::hidden)
                    .containsExactly(tuple("http://www.chizhou.gov.cn/a", true),
                            tuple("http://www.chizhou.gov.cn/b", false));
        }
    }

    @Nested
    class Context {

        @Test
        void extract_moreLinkAfterPlainHeading_carriesHeading() {
            List<PageLink> result = links("<div class=\"title\">通知公告</div><ul>"
                    + "<li><a href=\"/1\">关于召开会议的通知</a><span>(04-15)</span></li></ul>"
                    + "<a href=\"/tzgg/\">更多&gt;&gt;</a>");
            assertThat(result).extracting(PageLink::text, PageLink::context)
                    .containsExactly(tuple("关于召开会议的通知", "通知公告"), tuple("更多>>", "通知公告"));
        }

        @Test
        void extract_imageHeading_isContext() {
            List<PageLink> result = links("<table><tr><td><img src=\"t.gif\" alt=\"网上办事\"></td>"
                    + "<td><a href=\"/wsbs/\">more</a></td></tr></table>");
            assertThat(result).extracting(PageLink::context).containsExactly("网上办事");
        }

        @Test
        void extract_linkTextsAndDates_neverBecomeContext() {
            List<PageLink> result = links("<b>政务动态</b><a href=\"/1\">标题一</a> 2003-04-15 "
                    + "<a href=\"/2\">标题二</a> [更多] <a href=\"/more\">&gt;&gt;</a>");
            assertThat(result).extracting(PageLink::context).containsOnly("政务动态");
        }

        @Test
        void extract_noHeadingBefore_contextIsNull() {
            assertThat(links("<a href=\"/a\">更多</a>")).extracting(PageLink::context).containsExactly((String) null);
        }
    }

    @Nested
    class Scale {

        @Test
        void extract_100000Links_returnsAll() {
            StringBuilder html = new StringBuilder("<html><body><ul>");
            for (int i = 0; i < 100_000; i++) {
                html.append("<li><a href=\"/p/").append(i).append(".html\">第").append(i).append("条</a></li>");
            }
            html.append("</ul></body></html>");
            List<PageLink> result = extractor.extract(Jsoup.parse(html.toString(), BASE));
            assertThat(result).hasSize(100_000);
            assertThat(result.get(99_999).url()).isEqualTo("http://www.chizhou.gov.cn/p/99999.html");
        }

        @Test
        void extract_5000DeepNesting_doesNotOverflow() {
            Document doc = deepDocument(5_000);
            List<PageLink> result = extractor.extract(doc);
            assertThat(result).extracting(PageLink::text, PageLink::hidden)
                    .containsExactly(tuple("深处的链接", true), tuple("表层链接", false));
        }

        @Test
        void extract_5000DeepParsedMarkup_doesNotOverflow() {
            String html = "<div>".repeat(5_000) + "<a href=\"/deep\">深处</a>" + "</div>".repeat(5_000);
            assertThat(extractor.extract(Jsoup.parse(html, BASE))).extracting(PageLink::text).containsExactly("深处");
        }
    }

    /** Built node by node: the HTML parser caps nesting depth, the DOM API does not. */
    static Document deepDocument(int depth) {
        Document doc = Jsoup.parse("<html><body></body></html>", BASE);
        Element e = doc.body().appendElement("div").attr("style", "display:none");
        for (int i = 0; i < depth; i++) {
            e = e.appendElement(i % 2 == 0 ? "div" : "span");
        }
        e.appendElement("a").attr("href", "/deep.html").text("深处的链接");
        doc.body().appendElement("a").attr("href", "/top.html").text("表层链接");
        return doc;
    }

    @Nested
    class NavigationForms {

        @Test
        void extract_imageMapAreas_areLinksReadByAltOrTitle() {
            List<PageLink> l = links("<img src=\"nav.gif\" usemap=\"#nav\"><map name=\"nav\">"
                    + "<area shape=\"rect\" coords=\"0,0,80,20\" href=\"/zwgk/\" alt=\"政务公开\">"
                    + "<area shape=\"rect\" coords=\"80,0,160,20\" href=\"/bsfw/\" title=\"办事服务\">"
                    + "<area shape=\"rect\" coords=\"160,0,240,20\" nohref alt=\"空\"></map>");
            assertThat(l).extracting(PageLink::text, PageLink::url, PageLink::source).containsExactly(
                    tuple("政务公开", "http://www.chizhou.gov.cn/zwgk/", PageLink.TextSource.IMAGE_MAP),
                    tuple("办事服务", "http://www.chizhou.gov.cn/bsfw/", PageLink.TextSource.IMAGE_MAP));
        }

        @Test
        void extract_textTitleImage_sourceSaysWhereTheTextCameFrom() {
            assertThat(links("<a href=\"/a/\">通知公告</a><a href=\"/b/\" title=\"政策文件\"></a>"
                    + "<a href=\"/c/\"><img src=\"x.gif\" alt=\"办事指南\"></a>"))
                    .extracting(PageLink::text, PageLink::source).containsExactly(
                            tuple("通知公告", PageLink.TextSource.TEXT), tuple("政策文件", PageLink.TextSource.TITLE),
                            tuple("办事指南", PageLink.TextSource.IMAGE_ALT));
        }

        @Test
        void extract_hiddenSubmenuAfterMenuLink_isDropdownNotHidden() {
            List<PageLink> l = links("<ul><li><a href=\"/xxgk/\">信息公开</a><ul style=\"display:none\">"
                    + "<li><a href=\"/xxgk/rsxx/\">人事信息</a></li><li><a href=\"/xxgk/ghjh/\">规划计划</a></li>"
                    + "</ul></li></ul>");
            assertThat(l).extracting(PageLink::text, PageLink::hidden, PageLink::placement).containsExactly(
                    tuple("信息公开", false, PageLink.Placement.PAGE),
                    tuple("人事信息", false, PageLink.Placement.DROPDOWN),
                    tuple("规划计划", false, PageLink.Placement.DROPDOWN));
        }

        @Test
        void extract_hiddenPanelAfterBarOfMenuHeadings_isDropdown() {
            List<PageLink> l = links("<div class=nav><ul><li><span>政务公开</span></li><li><span>互动交流</span></li></ul>"
                    + "</div><div style=\"height:0;overflow:hidden\"><div style=\"display:none\"><ul>"
                    + "<li><a href=\"/gkzn/\">公开指南</a></li><li><a href=\"/gknb/\">公开年报</a></li></ul></div>"
                    + "<div style=\"display:none\"><ul><li><a href=\"/zwyx/\">主任信箱</a></li>"
                    + "<li><a href=\"/wsdc/\">网上调查</a></li></ul></div></div>");
            assertThat(l).extracting(PageLink::text, PageLink::hidden, PageLink::placement).containsExactly(
                    tuple("公开指南", false, PageLink.Placement.DROPDOWN),
                    tuple("公开年报", false, PageLink.Placement.DROPDOWN),
                    tuple("主任信箱", false, PageLink.Placement.DROPDOWN),
                    tuple("网上调查", false, PageLink.Placement.DROPDOWN));
        }

        @Test
        void extract_menuEntriesOpenedByClickScripts_areOnclickLinks() {
            List<PageLink> l = links("<div class=menu><div class=menu1 onclick=\"GoToSubCat(12,'http://www.chizhou.gov.cn"
                    + "/xwzx/index.html',3,'新闻中心')\">新闻中心</div>"
                    + "<li onclick=\"location.href='../zwgk/'\">政务公开</li>"
                    + "<span onclick=\"window.open('tzgg.shtml')\">通知公告</span>"
                    + "<div onclick=\"showTab(2)\">办事指南</div>"
                    + "<div onclick=\"go('/a/1.html')\">关于开展二〇二四年度全市政务公开工作考核的通知</div>"
                    + "<div onclick=\"go('/b/')\"><a href=\"/c/\">互动交流</a></div></div>");
            assertThat(l).extracting(PageLink::text, PageLink::url, PageLink::placement).containsExactly(
                    tuple("新闻中心", "http://www.chizhou.gov.cn/xwzx/index.html", PageLink.Placement.ONCLICK),
                    tuple("政务公开", "http://www.chizhou.gov.cn/zwgk/", PageLink.Placement.ONCLICK),
                    tuple("通知公告", "http://www.chizhou.gov.cn/zwgk/tzgg.shtml", PageLink.Placement.ONCLICK),
                    tuple("互动交流", "http://www.chizhou.gov.cn/c/", PageLink.Placement.PAGE));
        }

        @Test
        void extract_linksAndHotSpotsWithClickScripts_stayWhatTheyAre() {
            List<PageLink> l = links("<map><area href=\"/gk/\" alt=\"政务公开\" onclick=\"stat('/count.jsp')\"></map>"
                    + "<a href=\"/xw/\" onclick=\"stat('/count.jsp')\">新闻中心</a>");
            assertThat(l).extracting(PageLink::text, PageLink::source, PageLink::placement).containsExactly(
                    tuple("政务公开", PageLink.TextSource.IMAGE_MAP, PageLink.Placement.PAGE),
                    tuple("新闻中心", PageLink.TextSource.TEXT, PageLink.Placement.PAGE));
        }

        @Test
        void extract_trsMenuWrittenByScript_linksInTheScriptsPlace() {
            List<PageLink> l = links("<a href=\"/\">首页</a><ul><script type=\"text/javascript\">"
                    + "var str3='依申请公开'; var str4='../ysqgk/';"
                    + "if (str4.substring(0,7)!=\"http://\") { document.write('<li><a href=\"../ysqgk/\">'+str3+'</a></li>'); }"
                    + "</script></ul><script src=\"/x.js\"></script><a href=\"/lxwm/\">联系我们</a>");
            assertThat(l).extracting(PageLink::text, PageLink::url, PageLink::placement).containsExactly(
                    tuple("首页", "http://www.chizhou.gov.cn/", PageLink.Placement.PAGE),
                    tuple("依申请公开", "http://www.chizhou.gov.cn/ysqgk/", PageLink.Placement.SCRIPT),
                    tuple("联系我们", "http://www.chizhou.gov.cn/lxwm/", PageLink.Placement.PAGE));
        }

        @ParameterizedTest(name = "[{index}]")
        @ValueSource(strings = {
                "<div style=\"display:none\"><a href=\"/old/1.htm\">通知公告</a></div>",
                "<a href=\"/old/1.htm\" style=\"display:none\">通知公告</a>",
                "<p>栏目</p><div style=\"display:none\"><a href=\"/old/1.htm\">通知公告</a><a href=\"/old/2.htm\">x</a></div>",
                "<ul><li>关于开展年度检查工作的通知要求</li><li>各单位请于月底前报送材料</li></ul>"
                        + "<div style=\"display:none\"><a href=\"/old/1.htm\">通知公告</a><a href=\"/old/2.htm\">x</a></div>",
                "<a href=\"/a/\">首页</a><div style=\"display:none\"><a href=\"/old/1.htm\">通知公告</a></div>"})
        void extract_loneHiddenLinkOrBlockAfterText_staysHidden(String body) {
            assertThat(links(body)).filteredOn(p -> p.text().equals("通知公告"))
                    .extracting(PageLink::hidden, PageLink::placement).containsExactly(tuple(true, PageLink.Placement.PAGE));
        }
    }
}
