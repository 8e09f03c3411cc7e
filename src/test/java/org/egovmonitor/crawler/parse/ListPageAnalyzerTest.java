package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPageAnalyzerTest {

    private static final LocalDate NOW = LocalDate.of(2003, 4, 20);
    private static final String BASE = "http://www.chizhou.gov.cn/tzgg/list.asp";
    private final ListPageAnalyzer analyzer = new ListPageAnalyzer(List.of("暂无信息", "正在建设中"));

    private ListPageSummary analyze(String body, Integer window) {
        return analyzer.analyze(Jsoup.parse("<html><body>" + body + "</body></html>", BASE), window, NOW);
    }

    @Nested
    class Layouts {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "ul/li with span | <ul><li><a href='/1'>甲</a><span>2003-04-18</span></li><li><a href='/2'>乙</a><span>2003-04-01</span></li><li><a href='/3'>丙</a><span>2003-03-01</span></li></ul>",
                "table rows | <table><tr><td>标题</td><td>日期</td></tr><tr><td><a href='/1'>甲</a></td><td>2003-4-18</td></tr><tr class=bg><td><a href='/2'>乙</a></td><td>2003-4-1</td></tr><tr><td><a href='/3'>丙</a></td><td>2003-3-1</td></tr></table>",
                "br run | <td>·<a href='/1'>甲</a> (04-18)<br>·<a href='/2'>乙</a> (04-01)<br>·<a href='/3'>丙</a> (03-01)<br></td>",
                "dl | <dl><dd><a href='/1'>甲</a> [2003-04-18]</dd><dd><a href='/2'>乙</a> [2003-04-01]</dd><dd><a href='/3'>丙</a> [2003-03-01]</dd></dl>",
                "div items | <div class=item><a href='/1'>甲</a><em>2003年4月18日</em></div><div class=item><a href='/2'>乙</a><em>2003年4月1日</em></div><div class=item><a href='/3'>丙</a><em>2003年3月1日</em></div>",
        })
        void analyze_commonListMarkup_findsThreeEntries(String name, String html) {
            ListPageSummary s = analyze(html, 14);
            assertThat(s.items()).as(name).isEqualTo(3);
            assertThat(s.datedItems()).isEqualTo(3);
            assertThat(s.newestDate()).isEqualTo(LocalDate.of(2003, 4, 18));
            assertThat(s.itemsInWindow()).isEqualTo(1);
            assertThat(s.entries()).extracting(ListEntry::title).containsExactly("甲", "乙", "丙");
        }

        @Test
        void analyze_windowBoundary_isInclusive() {
            ListPageSummary s = analyze("<ul><li><a href='/1'>甲</a><span>2003-04-06</span></li>"
                    + "<li><a href='/2'>乙</a><span>2003-04-05</span></li></ul>", 14);
            assertThat(s.itemsInWindow()).isEqualTo(1);
        }

        @Test
        void analyze_noWindow_countsZeroInWindow() {
            ListPageSummary s = analyze("<ul><li><a href='/1'>甲</a><span>2003-04-18</span></li></ul>", null);
            assertThat(s.items()).isEqualTo(1);
            assertThat(s.itemsInWindow()).isZero();
        }

        @Test
        void analyze_undatedList_countsEntriesWithoutDates() {
            ListPageSummary s = analyze("<ul class=list><li><a href='/1'>企业登记</a></li><li><a href='/2'>户籍办理</a></li>"
                    + "<li><a href='/3'>婚姻登记</a></li></ul>", null);
            assertThat(s.items()).isEqualTo(3);
            assertThat(s.datedItems()).isZero();
            assertThat(s.newestDate()).isNull();
            assertThat(s.blank()).isFalse();
        }

        @Test
        void analyze_dateInsideTitle_isNotTheEntryDate() {
            ListPageSummary s = analyze("<ul><li><a href='/1'>关于2003年4月15日会议的通知</a></li>"
                    + "<li><a href='/2'>关于4月18日停电的通知</a></li></ul>", 14);
            assertThat(s.items()).isEqualTo(2);
            assertThat(s.datedItems()).isZero();
        }

        @Test
        void analyze_futureDate_isNotAnUpdate() {
            ListPageSummary s = analyze("<ul><li><a href='/1'>甲</a><span>2003-05-18</span></li>"
                    + "<li><a href='/2'>乙</a><span>2003-04-01</span></li></ul>", 14);
            assertThat(s.items()).isEqualTo(2);
            assertThat(s.newestDate()).isEqualTo(LocalDate.of(2003, 4, 1));
        }
    }

    @Nested
    class NotTheList {

        @Test
        void analyze_navFooterAndPaging_areNotEntries() {
            String html = "<div id=nav><ul><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li>"
                    + "<li><a href='/zwdt/'>政务动态</a></li><li><a href='/tzgg/'>通知公告</a></li></ul></div>"
                    + "<ul><li><a href='/1'>甲</a> 2003-04-18</li><li><a href='/2'>乙</a> 2003-04-17</li></ul>"
                    + "<p><a href='?page=1'>1</a> <a href='?page=2'>2</a> <a href='?page=2'>下一页</a> <a href='?page=9'>尾页</a></p>"
                    + "<div class=footer><ul><li><a href='/a'>联系我们</a> 2003-04-19</li><li><a href='/b'>网站地图</a> 2003-04-19</li>"
                    + "<li><a href='/c'>法律声明</a> 2003-04-19</li></ul></div>";
            ListPageSummary s = analyze(html, 14);
            assertThat(s.entries()).extracting(ListEntry::title).containsExactly("甲", "乙");
        }

        @Test
        void analyze_homepageNavigationRepeated_isExcludedWhenGiven() {
            String html = "<table><tr><td><a href='/zwgk/'>政务公开</a></td></tr><tr><td><a href='/zwdt/'>政务动态</a></td></tr>"
                    + "<tr><td><a href='/tzgg/'>通知公告</a></td></tr></table>"
                    + "<div><p><a href='/g/1'>企业登记</a></p><p><a href='/g/2'>户籍办理</a></p></div>";
            Document doc = Jsoup.parse(html, BASE);
            Set<String> nav = Set.of("http://www.chizhou.gov.cn/zwgk/", "http://www.chizhou.gov.cn/zwdt/",
                    "http://www.chizhou.gov.cn/tzgg/");
            assertThat(analyzer.analyze(doc, null, NOW).items()).isEqualTo(3);
            assertThat(analyzer.analyze(doc, null, NOW, nav).entries()).extracting(ListEntry::title)
                    .containsExactly("企业登记", "户籍办理");
        }

        @Test
        void analyze_placeholderWithSidebarLinks_isBlank() {
            ListPageSummary s = analyze("<table><tr><td><a href='/a'>人事任免</a></td></tr>"
                    + "<tr><td><a href='/b'>干部任前公示</a></td></tr></table><p>正在建设中</p>", 365);
            assertThat(s.blank()).isTrue();
            assertThat(s.items()).isZero();
        }

        @Test
        void analyze_emptyPage_isBlank() {
            assertThat(analyze("", 14).blank()).isTrue();
        }
    }

    @Nested
    class Scale {

        @Test
        void analyze_5000DeepNesting_doesNotOverflow() {
            Document doc = Jsoup.parse("<html><body><ul></ul></body></html>", BASE);
            Element ul = doc.selectFirst("ul");
            for (int i = 1; i <= 3; i++) {
                Element li = ul.appendElement("li");
                li.appendElement("a").attr("href", "/" + i).text("条目" + i);
                li.appendElement("span").text("2003-04-1" + i);
            }
            Element e = doc.body().appendElement("div");
            for (int i = 0; i < 5_000; i++) {
                e = e.appendElement("div");
            }
            e.appendElement("a").attr("href", "/deep").text("深处");
            ListPageSummary s = analyzer.analyze(doc, 14, NOW);
            assertThat(s.items()).isEqualTo(3);
            assertThat(s.newestDate()).isEqualTo(LocalDate.of(2003, 4, 13));
        }

        @Test
        void analyze_100000Entries_countsAll() {
            StringBuilder html = new StringBuilder("<ul>");
            for (int i = 0; i < 100_000; i++) {
                html.append("<li><a href='/p/").append(i).append("'>第").append(i).append("条</a><span>(04-15)</span></li>");
            }
            ListPageSummary s = analyze(html.append("</ul>").toString(), 14);
            assertThat(s.items()).isEqualTo(100_000);
            assertThat(s.itemsInWindow()).isEqualTo(100_000);
        }
    }
}
