package org.egovmonitor.errors;

import java.util.List;
import org.egovmonitor.platform.Messages;

/** 401: no valid session or credentials. JSON for /api and /auth; pages redirect to the login page instead. */
public class NotAuthenticatedException extends ApiException {

    public NotAuthenticatedException(String message) {
        super(401, message, List.of());
    }

    public NotAuthenticatedException() {
        this(Messages.get("error.notAuthenticated"));
    }
}
