package org.egovmonitor.auth;

/** The JSON answer to a login from the login page's script: who logged in and where to go next. */
public record LoginResponse(String username, String displayName, Role role, String unitCode, String csrfToken,
                            String redirect) {
}
