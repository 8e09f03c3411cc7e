package org.egovmonitor.errors;

import java.util.List;
import org.egovmonitor.platform.Messages;

/** 422: well-formed input whose fields break the rules; every bad field is listed. */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldError> errors) {
        super(422, Messages.get("error.invalidFields"), errors);
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
