package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String TEXT = "池州市人民政府 通知公告 关于做好办事指南编制工作的通知";
    private final PageDecoder decoder = new PageDecoder();

    private static byte[] html(String head, Charset charset) {
        return ("<html><head>" + head + "<title>池州</title></head><body><p>" + TEXT + "</p></body></html>")
                .getBytes(charset);
    }

    @Nested
    class Gbk {

        @ParameterizedTest(name = "header {0}")
        @CsvSource({"text/html; charset=GBK", "text/html;charset=gb2312", "text/html; charset=\"x-gbk\"",
                "text/html; charset=GB18030", "TEXT/HTML; CHARSET=GB2312"})
        void decode_gbkFamilyHeader_decodesWithGb18030(String header) {
            DecodedPage page = decoder.decode(html("", GBK), header);
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains(TEXT);
        }

        @ParameterizedTest(name = "meta {0}")
        @CsvSource(delimiter = '|', value = {
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                "<META HTTP-EQUIV=Content-Type CONTENT=text/html;charset=GBK>",
                "<meta charset=\"gbk\">",
                "<meta charset=gb18030 />"})
        void decode_gbkMetaOnly_decodesWithGb18030(String meta) {
            DecodedPage page = decoder.decode(html(meta, GBK), "text/html");
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_gbkUndeclared_sniffsGb18030() {
            DecodedPage page = decoder.decode(html("", GBK), null);
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_gbkMislabelledUtf8InHeader_fallsBackToGb18030() {
            DecodedPage page = decoder.decode(html("", GBK), "text/html; charset=utf-8");
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_gbkMislabelledUtf8InMeta_fallsBackToGb18030() {
            DecodedPage page = decoder.decode(html("<meta charset=\"utf-8\">", GBK), "text/html");
            assertThat(page.charset()).isEqualTo("GB18030");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_gbkExtensionCharacter_decodes() {
            // 镕 (U+9555) is in GBK but not GB2312: a GB2312 decoder would lose it.
            byte[] bytes = "朱镕基".getBytes(GBK);
            assertThat(decoder.decode(bytes, "text/html; charset=gb2312").html()).isEqualTo("朱镕基");
        }
    }

    @Nested
    class Utf8 {

        @Test
        void decode_utf8WithBom_stripsBom() {
            byte[] body = html("", StandardCharsets.UTF_8);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            DecodedPage page = decoder.decode(withBom, "text/html");
            assertThat(page.charset()).isEqualTo("UTF-8");
            assertThat(page.html()).startsWith("<html>").contains(TEXT);
        }

        @Test
        void decode_utf8Undeclared_sniffsUtf8() {
            DecodedPage page = decoder.decode(html("", StandardCharsets.UTF_8), null);
            assertThat(page.charset()).isEqualTo("UTF-8");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_utf8DeclaredGb2312InMeta_decodesAsUtf8() {
            DecodedPage page = decoder.decode(html("<meta charset=\"gb2312\">", StandardCharsets.UTF_8), null);
            assertThat(page.charset()).isEqualTo("UTF-8");
            assertThat(page.html()).contains(TEXT);
        }

        @Test
        void decode_headerWinsOverMeta_usesHeader() {
            DecodedPage page = decoder.decode(html("<meta charset=\"gbk\">", StandardCharsets.UTF_8),
                    "text/html; charset=UTF-8");
            assertThat(page.charset()).isEqualTo("UTF-8");
            assertThat(page.html()).contains(TEXT);
        }
    }

    @Nested
    class Hostile {

        @Test
        void decode_randomBinary_doesNotThrow() {
            byte[] bytes = new byte[64 * 1024];
            new Random(42).nextBytes(bytes);
            DecodedPage page = decoder.decode(bytes, "application/octet-stream");
            assertThat(page.html()).isNotNull();
            assertThat(page.charset()).isNotBlank();
        }

        @Test
        void decode_nulsAndUnknownCharset_doesNotThrow() {
            byte[] bytes = "<html>\0\0\0<body>\0ok</body></html>".getBytes(StandardCharsets.ISO_8859_1);
            DecodedPage page = decoder.decode(bytes, "text/html; charset=x-no-such-charset");
            assertThat(page.html()).contains("ok");
        }

        @Test
        void decode_nullAndEmptyBody_returnsEmptyText() {
            assertThat(decoder.decode(null, null).html()).isEmpty();
            assertThat(decoder.decode(new byte[0], "text/html").html()).isEmpty();
        }

        @Test
        void decode_latin1Header_usesIt() {
            byte[] bytes = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
            DecodedPage page = decoder.decode(bytes, "text/html; charset=ISO-8859-1");
            assertThat(page.charset()).isEqualTo("ISO-8859-1");
            assertThat(page.html()).contains("caf\u00e9");
        }
    }
}
