package org.egovmonitor.auth;

import java.time.OffsetDateTime;

/** A user account as shown by the API; the password hash never leaves the DAO layer. */
public record User(String username, String displayName, Role role, String unitCode, boolean enabled, boolean demo,
                   OffsetDateTime createdAt, OffsetDateTime lastLoginAt) {
}
