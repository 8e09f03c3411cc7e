package org.egovmonitor.auth;

/**
 * Who am I: what the dashboards need to choose a view and to send writes. {@code csrfToken} is null for Basic auth.
 * {@code demo} says the service runs on demo data (the UI labels it).
 */
public record Me(String username, String displayName, Role role, String unitCode, String unitName,
                 AuthMethod authMethod, String csrfToken, boolean demo) {
}
