package org.egovmonitor.platform;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedTextTest {

    static final String SURVEY = "单位编码,状态,期次\nczs-swb,已接入,二期\n";

    static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    static Stream<Arguments> files() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = bytes(SURVEY, "UTF-8");
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        return Stream.of(
                Arguments.of("UTF-8", utf8, SURVEY),
                Arguments.of("UTF-8 with BOM (Excel 'CSV UTF-8')", withBom, SURVEY),
                Arguments.of("GBK (Excel 'CSV' on Chinese Windows)", bytes(SURVEY, "GBK"), SURVEY),
                Arguments.of("GB18030 four-byte character", bytes("㐀单位", "GB18030"), "㐀单位"),
                Arguments.of("ASCII", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII), "a,b\n1,2\n"),
                Arguments.of("empty", new byte[0], ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void decode_knownEncodings_sameText(String name, byte[] bytes, String expected) {
        assertThat(UploadedText.decode(bytes)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binary")
    void decode_neitherUtf8NorGb18030_empty(String name, byte[] bytes) {
        assertThat(UploadedText.decode(bytes)).isEmpty();
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("0xFF bytes", new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41}),
                Arguments.of("lone lead byte at end", new byte[] {0x41, (byte) 0x81}),
                Arguments.of("0x80", new byte[] {(byte) 0x80, 0x41}));
    }
}
