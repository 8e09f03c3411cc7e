package org.egovmonitor.auth;

import java.util.List;
import org.egovmonitor.errors.ApiException;

/** 400: a username or password carrying control characters, refused before any lookup (see {@link ControlChars}). */
public class MalformedCredentialsException extends ApiException {

    public MalformedCredentialsException() {
        super(400, "用户名或密码含有不允许的控制字符", List.of());
    }
}
