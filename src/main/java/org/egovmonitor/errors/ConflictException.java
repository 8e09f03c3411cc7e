package org.egovmonitor.errors;

import java.util.List;

/** 409: the request collides with existing data (duplicate key, dependent rows). */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, message, List.of());
    }
}
