package org.egovmonitor.auth;

import java.util.List;
import org.egovmonitor.errors.ApiException;

/** 403: authenticated but not allowed, or a write without the session's CSRF token. */
public class AccessDeniedException extends ApiException {

    public AccessDeniedException(String message) {
        super(403, message, List.of());
    }

    public AccessDeniedException() {
        this("没有权限");
    }
}
