package org.egovmonitor.errors;

import java.util.List;

/** 409: the request collides with existing data (duplicate key, dependent rows). */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, message, List.of());
    }

    /** With details a client reads, e.g. the id of the running crawl round that blocked a new one. */
    public ConflictException(String message, List<org.egovmonitor.errors.FieldError> details) {
        super(409, message, details);
    }
}
