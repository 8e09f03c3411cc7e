package org.egovmonitor.auth;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Body of {@code POST /api/users} and {@code PUT /api/users/{username}}. On PUT the username comes from the path
 * (a body username must match it) and a null password keeps the current one. Changing one's own password needs
 * {@code currentPassword} as well.
 */
public record UserRequest(String username, String displayName, Role role, String unitCode, Boolean enabled,
                          String password, String currentPassword) {

    @JsonCreator
    public UserRequest {
    }

    /** A request without a current password (creation, or changes made for somebody else). */
    public UserRequest(String username, String displayName, Role role, String unitCode, Boolean enabled,
                       String password) {
        this(username, displayName, role, unitCode, enabled, password, null);
    }

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", role=" + role + ", unitCode=" + unitCode + "]";
    }
}
