package org.egovmonitor.errors;

import java.util.List;
import org.egovmonitor.platform.Messages;

/** 413: a request body over its cap (org.egovmonitor.web.BodySizeLimitFilter), refused before it is parsed. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limitBytes) {
        super(413, message(limitBytes), List.of());
    }

    /** "请求体过大（上限 64 KB）": the cap in the unit a person reads most easily. */
    public static String message(long limitBytes) {
        String limit = limitBytes >= 1 << 20 && limitBytes % (1 << 20) == 0 ? (limitBytes >> 20) + " MB"
                : limitBytes >= 1024 && limitBytes % 1024 == 0 ? (limitBytes >> 10) + " KB"
                : Messages.get("error.bytes", limitBytes);
        return Messages.get("error.payloadTooLarge", limit);
    }
}
