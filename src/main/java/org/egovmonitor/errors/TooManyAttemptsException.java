package org.egovmonitor.errors;

import java.util.List;

/** 429 with Retry-After: login throttled. */
public class TooManyAttemptsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(429, "登录失败次数过多，请在 " + retryAfterSeconds + " 秒后再试", List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
