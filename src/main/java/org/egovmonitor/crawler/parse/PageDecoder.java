package org.egovmonitor.crawler.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a response body into text. Pure: no I/O, never throws on hostile input.
 *
 * <p>Order of evidence: the HTTP {@code Content-Type} charset, then a byte-order mark, then a {@code <meta>} charset
 * found by a byte-level scan of the first {@value #META_SCAN_BYTES} bytes, then sniffing. Chinese government sites
 * of the 2000s are mostly GBK/GB2312, often undeclared or declared wrongly, so two corrections apply to any
 * declaration:
 * <ul>
 *   <li>every GBK-family label (gbk, gb2312, x-gbk, gb18030, cp936 ...) decodes with GB18030, a superset of them;</li>
 *   <li>a declared UTF-8 is only believed when the bytes are strictly valid UTF-8; otherwise the page is decoded as
 *       GB18030 (the usual real cause) — and a declared GBK family whose bytes are valid multi-byte UTF-8 is
 *       decoded as UTF-8 (a site converted to UTF-8 that kept its old template).</li>
 * </ul>
 * Sniffing: strictly valid UTF-8 wins, then GB18030 when it decodes with (almost) no errors, else ISO-8859-1, which
 * maps every byte and so cannot fail.
 */
public final class PageDecoder {

    static final int META_SCAN_BYTES = 4096;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final Set<String> GBK_FAMILY = Set.of(
            "gbk", "gb2312", "x-gbk", "gb18030", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "csgb2312",
            "gb_2312-80", "chinese", "iso-ir-58", "csiso58gb231280", "x-mac-chinesesimp");

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern META_TAG = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /** Share of undecodable bytes GB18030 sniffing tolerates (a few corrupt bytes in a real GBK page). */
    private static final double GB18030_ERROR_TOLERANCE = 0.02;

    public DecodedPage decode(byte[] body, String contentTypeHeader) {
        byte[] bytes = body == null ? new byte[0] : body;

        Optional<Charset> declared = charsetFromHeader(contentTypeHeader);
        if (declared.isPresent()) {
            return decodeDeclared(bytes, declared.get());
        }
        DecodedPage withBom = decodeByBom(bytes);
        if (withBom != null) {
            return withBom;
        }
        Optional<Charset> meta = charsetFromMeta(bytes);
        if (meta.isPresent()) {
            return decodeDeclared(bytes, meta.get());
        }
        return sniff(bytes);
    }

    /** The charset named by a Content-Type header, mapped to the one we decode with; empty when none or unknown. */
    static Optional<Charset> charsetFromHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? charsetForLabel(m.group(1)) : Optional.empty();
    }

    /** Byte-level scan of the first bytes for {@code <meta charset>} or {@code <meta http-equiv content=...>}. */
    static Optional<Charset> charsetFromMeta(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher tag = META_TAG.matcher(head);
        while (tag.find()) {
            Matcher cs = HEADER_CHARSET.matcher(tag.group());
            if (cs.find()) {
                Optional<Charset> charset = charsetForLabel(cs.group(1));
                if (charset.isPresent()) {
                    // A meta tag cannot truthfully declare UTF-16: the bytes it was read from were ASCII-compatible.
                    String name = charset.get().name();
                    return name.startsWith("UTF-16") ? Optional.of(StandardCharsets.UTF_8) : charset;
                }
            }
        }
        return Optional.empty();
    }

    /** Maps a charset label to the charset used to decode it; GBK family labels map to GB18030. */
    static Optional<Charset> charsetForLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (GBK_FAMILY.contains(l)) {
            return Optional.of(GB18030);
        }
        if (l.equals("utf8") || l.equals("unicode-1-1-utf-8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(l));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static DecodedPage decodeDeclared(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return page(utf8, StandardCharsets.UTF_8);
            }
            // Declared UTF-8 but not UTF-8: in this domain that is nearly always an undeclared GBK page.
            return sniffNotUtf8(bytes);
        }
        if (charset.equals(GB18030) && hasMultiByteUtf8(bytes)) {
            String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return page(utf8, StandardCharsets.UTF_8);
            }
        }
        if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
            DecodedPage withBom = decodeByBom(bytes);
            if (withBom != null) {
                return withBom;
            }
        }
        return page(lenientDecode(bytes, charset), charset);
    }

    private static DecodedPage decodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return page(lenientDecode(b, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return page(lenientDecode(b, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return page(lenientDecode(b, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        return null;
    }

    private static DecodedPage sniff(byte[] bytes) {
        String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return page(utf8, StandardCharsets.UTF_8);
        }
        return sniffNotUtf8(bytes);
    }

    private static DecodedPage sniffNotUtf8(byte[] bytes) {
        String gb = lenientDecode(bytes, GB18030);
        long replaced = gb.chars().filter(c -> c == '\uFFFD').count();
        long highBytes = 0;
        for (byte b : bytes) {
            if ((b & 0x80) != 0) {
                highBytes++;
            }
        }
        if (replaced <= Math.max(1, highBytes * GB18030_ERROR_TOLERANCE)) {
            return page(gb, GB18030);
        }
        return page(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static boolean hasMultiByteUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0x80) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes or returns null when the bytes are not valid in the charset. */
    private static String strictDecode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenientDecode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Cannot happen with REPLACE; ISO-8859-1 maps every byte.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static DecodedPage page(String text, Charset charset) {
        String html = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return new DecodedPage(html, charset.name());
    }
}
