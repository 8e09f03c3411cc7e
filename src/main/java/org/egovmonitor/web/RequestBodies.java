package org.egovmonitor.web;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.platform.UploadedText;

public final class RequestBodies {

    private RequestBodies() {
    }

    /** An absent body ({@code null} after JSON binding) is a 422 on the body, not a NullPointerException. */
    public static <T> T require(T body) {
        if (body == null) {
            throw new ValidationException(List.of(FieldError.of(Messages.get("error.field.body"),
                    Messages.get("error.field.required"))));
        }
        return body;
    }

    /**
     * A text body: decoded with the charset its Content-Type names, else as an uploaded file (UTF-8, or GBK/GB18030
     * when not UTF-8; see {@link UploadedText}). Bytes the charset cannot decode are a 422, never silently replaced.
     */
    public static String text(byte[] body, MediaType type) {
        byte[] bytes = body == null ? new byte[0] : body;
        String named = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (named == null) {
            return UploadedText.decode(bytes).orElseThrow(() -> new ValidationException(List.of(
                    FieldError.of(Messages.get("error.field.body"), Messages.get("error.web.bodyEncoding")))));
        }
        Charset charset;
        try {
            charset = Charset.forName(named.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ValidationException(List.of(FieldError.of(Messages.get("error.field.body"),
                    Messages.get("error.web.unsupportedCharset", named))));
        }
        return UploadedText.decode(bytes, charset).orElseThrow(() -> new ValidationException(List.of(
                FieldError.of(Messages.get("error.field.body"),
                        Messages.get("error.web.notDeclaredCharset", charset.name())))));
    }
}
