package org.egovmonitor.auth;

import java.time.OffsetDateTime;

/**
 * One audited write; {@code action} says what it did (its label in Chinese through /api/labels), {@code target} what
 * it did it to: the path's parameters, decoded (a unit code, a source name, a user name …), null when it has none.
 */
public record AuditEntry(long id, OffsetDateTime at, String username, Role role, AuthMethod authMethod, String method,
                         String path, int status, String clientIp, AuditAction action, String target) {
}
