package org.egovmonitor.observations;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the snapshot viewer makes of stored bytes: a GBK article of a TRS-era county site
 * (pages/checks/snapshots/article-2010-gbk.html) as text, scripts gone, markup written as text kept as text, and
 * the finding's excerpt or date located as the page writes it.
 */
class SnapshotViewTest {

    static EvidenceStore.Snapshot article() throws IOException {
        try (InputStream in = SnapshotViewTest.class.getResourceAsStream(
                "/pages/checks/snapshots/article-2010-gbk.html")) {
            byte[] body = in.readAllBytes();
            // served without a charset in the header, as many old sites do: the page's own meta says GBK
            return new EvidenceStore.Snapshot("a".repeat(64), "http://www.dongzhi.gov.cn/tzgg/1.html",
                    Instant.parse("2024-05-02T01:00:00Z"), Instant.parse("2024-05-09T01:00:00Z"), "text/html", null,
                    body.length, body);
        }
    }

    @Test
    void of_gbkArticle_decodedText_scriptsGone_markupTextKeptAsText_onePerLine() throws IOException {
        SnapshotView v = SnapshotView.of(article(), null);
        assertThat(v.charset()).isIn("GBK", "GB18030");
        assertThat(v.text()).startsWith("关于进一步做好防汛工作的通知_东至县人民政府\n")
                .contains("各乡镇人民政府，县直各有关单位：\n", "网站标识码：3417210001",
                        "<script>alert(1)</script>（以上为网页原文中的字样）", "联系人 张三")
                .doesNotContain("casino", "博彩", "_hmt", "font-size", "document.write");
        assertThat(v.truncated()).isFalse();
        assertThat(v.marks()).isEmpty();
        assertThat(v.mark()).isNull();
    }

    static Stream<Arguments> marks() {
        return Stream.of(
                // a wording finding's excerpt, broken across lines on the page
                Arguments.of("有关部门加强值班", List.of("有关部门\n加强值班")),
                Arguments.of("其它", List.of("其它")),
                // a freshness finding's date, written the Chinese way on the page
                Arguments.of("2024-05-01", List.of("2024年5月1日")),
                Arguments.of("3417210001", List.of("3417210001")),
                // what is not on the page, and what would be a regular expression, are found nowhere
                Arguments.of("其他有关部门", List.of()),
                Arguments.of("(.*)[", List.of()),
                Arguments.of("   ", List.of()));
    }

    @ParameterizedTest(name = "mark «{0}»")
    @MethodSource("marks")
    void of_mark_locatedAsThePageWritesIt(String mark, List<String> expected) throws IOException {
        SnapshotView v = SnapshotView.of(article(), mark);
        assertThat(v.marks()).extracting(m -> v.text().substring(m.start(), m.end()).strip())
                .containsExactlyElementsOf(expected.stream().map(String::strip).toList());
    }

    @Test
    void of_hugePage_textBounded_marksBounded() {
        String html = "<html><body><p>" + "其它".repeat(150_000) + "</p></body></html>";
        byte[] body = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SnapshotView v = SnapshotView.of(new EvidenceStore.Snapshot("b".repeat(64), "http://x.gov.cn/", Instant.EPOCH,
                Instant.EPOCH, "text/html; charset=utf-8", "UTF-8", body.length, body), "其它".repeat(200));
        assertThat(v.truncated()).isTrue();
        assertThat(v.text()).hasSize(SnapshotView.MAX_TEXT);
        assertThat(v.mark()).hasSize(SnapshotView.MAX_MARK);
        assertThat(v.marks()).hasSizeLessThanOrEqualTo(SnapshotView.MAX_MARKS).isNotEmpty();
    }

    @Test
    void of_markOnlyInMarkup_sourceLinesWithTheMark_textMarksNone() throws IOException {
        // a script include's address (a third-party script finding) and a link a script writes (a hidden link)
        for (var expected : java.util.Map.of("/r/cms/www/js/jquery.js", 4, "http://casino.example/", 5).entrySet()) {
            String mark = expected.getKey();
            SnapshotView v = SnapshotView.of(article(), mark);
            assertThat(v.marks()).as(mark).isEmpty();
            assertThat(v.source()).as(mark).singleElement().satisfies(line -> {
                assertThat(line.line()).isEqualTo(expected.getValue());
                assertThat(line.marks()).singleElement().satisfies(m ->
                        assertThat(line.text().substring(m.start(), m.end())).isEqualTo(mark));
            });
        }
        // what the text has is marked there, and no source is sent
        assertThat(SnapshotView.of(article(), "其它").source()).isEmpty();
        assertThat(SnapshotView.of(article(), "nowhere.example").source()).isEmpty();
    }

    static Stream<Arguments> sources() {
        String minified = "<html><head>" + "<meta name=\"x\" content=\"y\">".repeat(300)
                + "<script src=\"http://tj.example.com/s.js\"></script>" + "<link rel=\"a\" href=\"b\">".repeat(300)
                + "</head><body><p>正文</p></body></html>";
        return Stream.of(
                // an address with & stands in the attribute as &amp;
                Arguments.of("<html><head>\n<script src=\"http://cdn.example.com/a.js?x=1&amp;y=2\"></script>\n"
                        + "</head><body>正文</body></html>", "http://cdn.example.com/a.js?x=1&y=2", 2,
                        "<script src=\"http://cdn.example.com/a.js?x=1&amp;y=2\"></script>"),
                // a minified page is one long line: a piece around the mark, cut where it is cut
                Arguments.of(minified, "http://tj.example.com/s.js", 1, null),
                // lines that end with a CR alone still count as lines
                Arguments.of("<html>\r<head>\r\r<script src=\"//x.example/c.js\"></script></head>\r</html>",
                        "//x.example/c.js", 4, "<script src=\"//x.example/c.js\"></script></head>"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("sources")
    void inSource_piecesOfTheLinesWithTheMark(String html, String mark, int line, String piece) {
        List<SnapshotView.SourceLine> found = SnapshotView.inSource(html, mark);
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(line);
            assertThat(l.marks()).singleElement().satisfies(m ->
                    assertThat(l.text().substring(m.start(), m.end())).isIn(mark, mark.replace("&", "&amp;")));
            if (piece != null) {
                assertThat(l.text()).isEqualTo(piece);
            } else {
                assertThat(l.text()).startsWith("…").endsWith("…")
                        .hasSizeLessThanOrEqualTo(mark.length() + 2 * SnapshotView.SOURCE_CONTEXT + 2);
            }
        });
    }

    @Test
    void inSource_markOnEveryLine_boundedLines_marksOfOneLineTogether() {
        String html = "<script src=\"http://a.example/x.js\"></script><img src=\"http://a.example/x.js\">\n".repeat(40);
        List<SnapshotView.SourceLine> found = SnapshotView.inSource(html, "http://a.example/x.js");
        assertThat(found).hasSize(SnapshotView.MAX_SOURCE_LINES);
        assertThat(found).extracting(SnapshotView.SourceLine::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(found).allSatisfy(l -> assertThat(l.marks()).hasSize(2));
    }
}
