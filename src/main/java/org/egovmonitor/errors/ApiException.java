package org.egovmonitor.errors;

import java.util.List;

/** A failure the client can act on; mapped to its status and a JSON body in one place (ApiExceptionMappers). */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    protected ApiException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
