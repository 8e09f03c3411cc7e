package org.egovmonitor.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value of the right type that the service never accepts (a NaN, a NUL in a string, a year 100000); its
 * Chinese reason is shown as the field error (JsonFieldErrors), with the field's path that Jackson adds.
 */
public class RejectedValueException extends InvalidFormatException {

    private final String reason;

    public RejectedValueException(JsonParser parser, String reason, Object value, Class<?> targetType) {
        super(parser, reason, value, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
