package org.egovmonitor.bulletins;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Download} as an HTTP attachment: the format's Content-Type and a Content-Disposition naming the file twice,
 * in ASCII ({@code filename}) and in Chinese as RFC 5987/6266 {@code filename*=UTF-8''…}, which every current browser
 * prefers.
 */
final class Attachments {

    private Attachments() {
    }

    static Response of(Download file) {
        return Response.ok(file.bytes(), file.format().mediaType())
                .header("Content-Disposition", contentDisposition(file.asciiName(), file.chineseName()))
                .build();
    }

    static String contentDisposition(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + rfc5987(name);
    }

    /** Percent-encodes the UTF-8 bytes of {@code value} except RFC 5987's attr-chars. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
