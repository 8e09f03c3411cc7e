package org.egovmonitor.errors;

import java.util.List;
import org.egovmonitor.platform.Messages;

/** 404: the named thing does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, message, List.of());
    }

    public static NotFoundException unit(String code) {
        return new NotFoundException(Messages.get("error.unitNotFound", code));
    }
}
