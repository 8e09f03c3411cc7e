package org.egovmonitor.auth;

import java.time.OffsetDateTime;

/** One audited write. */
public record AuditEntry(long id, OffsetDateTime at, String username, Role role, AuthMethod authMethod, String method,
                         String path, int status, String clientIp) {
}
