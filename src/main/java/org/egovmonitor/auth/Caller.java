package org.egovmonitor.auth;

import java.security.Principal;

/** The authenticated user of one request. {@code csrfToken} is null unless authenticated by session. */
public record Caller(String username, String displayName, Role role, String unitCode, AuthMethod method,
                     String csrfToken) implements Principal {

    @Override
    public String getName() {
        return username;
    }

    public boolean is(Role r) {
        return role == r;
    }
}
