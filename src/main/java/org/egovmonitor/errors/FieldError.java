package org.egovmonitor.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.egovmonitor.platform.Messages;

/**
 * One invalid field. {@code line} is the registry file line (null for API requests).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer line, String field, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(null, field, reason);
    }

    public FieldError atLine(int lineNumber) {
        return new FieldError(lineNumber, field, reason);
    }

    /** The Chinese one-line form shown by the CLI: 第 N 行: 字段 x: reason. */
    public String describe() {
        return line == null ? Messages.get("error.field.describe", field, reason)
                : Messages.get("error.field.describeAtLine", line, field, reason);
    }
}
