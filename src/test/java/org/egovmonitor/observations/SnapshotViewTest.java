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
}
