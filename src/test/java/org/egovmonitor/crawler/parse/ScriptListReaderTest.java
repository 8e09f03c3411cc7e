package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptListReaderTest {

    private static final LocalDate NOW = LocalDate.of(2025, 11, 26);
    private static final ListVocabulary VOCABULARY = CrawlerFiles.defaultCatalog().listVocabulary();

    private static List<ListEntry> read(String scripts) {
        Document doc = Jsoup.parse("<html><head>" + scripts + "</head><body><div id=list></div></body></html>",
                "http://sthjt.example.gov.cn/col/col42150/index.html");
        return new ScriptListReader(VOCABULARY.scriptRecords()).read(doc, new DateExtractor(NOW, 1));
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("JSON records of a 集约化 list page",
                        "<script>var listData = {\"articleList\":[{\"title\":\"政策解读一\",\"pubDate\":\"2025-07-29 16:59\","
                                + "\"url\":\"/art/1.html\"},{\"title\":\"政策解读二\",\"pubDate\":\"2025-07-28 11:45\","
                                + "\"url\":\"/art/2.html\"}]};</script>",
                        List.of("政策解读一|2025-07-29|http://sthjt.example.gov.cn/art/1.html",
                                "政策解读二|2025-07-28|http://sthjt.example.gov.cn/art/2.html")),
                Arguments.of("bare keys, single quotes, escaped text, date before the title's other keys",
                        "<script>render([{title:'通知\\u4e00',publishDate:'2024-06-13',link:'a\\/1.html'},"
                                + "{title:'通知二',publishDate:'2024-06-12'}]);</script>",
                        List.of("通知一|2024-06-13|http://sthjt.example.gov.cn/col/col42150/a/1.html",
                                "通知二|2024-06-12|null")),
                Arguments.of("one titled, dated object is the page's metadata, not a list",
                        "<script>var page = {\"title\":\"政策法规\",\"pubDate\":\"2025-06-06\"};</script>",
                        List.of()),
                Arguments.of("records without dates are no list",
                        "<script>var nav = [{\"title\":\"首页\",\"url\":\"/\"},{\"title\":\"新闻\",\"url\":\"/xw/\"}];</script>",
                        List.of()),
                Arguments.of("a typo'd future date is no date; the other records still count",
                        "<script>x=[{\"title\":\"甲\",\"pubDate\":\"2035-01-01\"},{\"title\":\"乙\",\"pubDate\":\"2025-11-20\"},"
                                + "{\"title\":\"丙\",\"pubDate\":\"2025-11-19\"}]</script>",
                        List.of("乙|2025-11-20|null", "丙|2025-11-19|null")),
                Arguments.of("external scripts are not read",
                        "<script src=\"list.js\">[{\"title\":\"甲\",\"pubDate\":\"2025-11-20\"},"
                                + "{\"title\":\"乙\",\"pubDate\":\"2025-11-19\"}]</script>",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void read_scriptRecords(String what, String scripts, List<String> expected) {
        assertThat(read(scripts)).extracting(e -> e.title() + "|" + e.date() + "|" + e.url())
                .as(what).containsExactlyElementsOf(expected);
    }

    @Test
    void listPageAnalyzer_pageWithoutDatedMarkupList_usesTheScriptRecords() {
        Document doc = Jsoup.parse("<html><body><ul><li><a href=/a>政策法规</a></li><li><a href=/b>以案释法</a></li></ul>"
                + "<script>var d=[{\"title\":\"解读一\",\"pubDate\":\"2025-07-29 16:59\"},"
                + "{\"title\":\"解读二\",\"pubDate\":\"2022-12-16 17:03\"}]</script></body></html>", "http://x.gov.cn/");
        ListPageSummary s = new ListPageAnalyzer(List.of("暂无信息"), VOCABULARY).analyze(doc, 30, NOW);
        assertThat(s.newestDate()).isEqualTo(LocalDate.of(2025, 7, 29));
        assertThat(s.items()).isEqualTo(2);
        assertThat(s.blank()).isFalse();
    }

    @Test
    void listPageAnalyzer_placeholderShown_scriptRecordsIgnored() {
        Document doc = Jsoup.parse("<html><body><p>暂无信息</p>"
                + "<script>var d=[{\"title\":\"解读一\",\"pubDate\":\"2025-07-29\"},"
                + "{\"title\":\"解读二\",\"pubDate\":\"2025-07-28\"}]</script></body></html>", "http://x.gov.cn/");
        ListPageSummary s = new ListPageAnalyzer(List.of("暂无信息"), VOCABULARY).analyze(doc, 30, NOW);
        assertThat(s.newestDate()).isNull();
        assertThat(s.blank()).isTrue();
    }
}
