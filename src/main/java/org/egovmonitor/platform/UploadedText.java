package org.egovmonitor.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a file the office hands in (registry, node survey). Excel on a Chinese Windows saves "CSV" in GBK, so
 * a file that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312) when it is valid there; a UTF-8
 * byte-order mark is dropped. Pure.
 */
public final class UploadedText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private UploadedText() {
    }

    /** The decoded text, or empty when the bytes are neither valid UTF-8 nor valid GB18030. */
    public static Optional<String> decode(byte[] bytes) {
        Optional<String> text = decode(bytes, StandardCharsets.UTF_8).or(() -> decode(bytes, GB18030));
        return text.map(t -> t.startsWith("\uFEFF") ? t.substring(1) : t);
    }

    /** The text in {@code charset}, or empty when the bytes are not valid in it (never a replacement character). */
    public static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
