package org.egovmonitor.errors;

import java.util.List;
import org.egovmonitor.platform.Messages;

/** 429 with Retry-After: login throttled. */
public class TooManyAttemptsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(429, Messages.get("error.tooManyAttempts", retryAfterSeconds), List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
