package org.egovmonitor.resources;

import java.util.List;
import org.egovmonitor.api.FieldError;
import org.egovmonitor.errors.ValidationException;

final class RequestBodies {

    private RequestBodies() {
    }

    /** An absent body ({@code null} after JSON binding) is a 422 on the body, not a NullPointerException. */
    static <T> T require(T body) {
        if (body == null) {
            throw new ValidationException(List.of(FieldError.of("(请求体)", "不能为空")));
        }
        return body;
    }
}
