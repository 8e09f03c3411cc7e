package org.egovmonitor.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON body of every API error. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(int code, String message, List<FieldError> errors) {
}
