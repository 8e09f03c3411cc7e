package org.egovmonitor.auth;

/**
 * Body of {@code POST /api/users} and {@code PUT /api/users/{username}}. On PUT the username comes from the path
 * (a body username must match it) and a null password keeps the current one.
 */
public record UserRequest(String username, String displayName, Role role, String unitCode, Boolean enabled,
                          String password) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", role=" + role + ", unitCode=" + unitCode + "]";
    }
}
