package org.egovmonitor.errors;

import java.util.List;

/** 422: well-formed input whose fields break the rules; every bad field is listed. */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldError> errors) {
        super(422, "输入有误，请检查标出的字段", errors);
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
