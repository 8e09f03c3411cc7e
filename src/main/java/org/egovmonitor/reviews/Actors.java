package org.egovmonitor.reviews;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is submitting or reviewing. The seam for login: once the auth filter sets a principal, its name is recorded
 * and whatever the request body declares is ignored; until then the declared name is recorded (or "未登录用户").
 */
public final class Actors {

    public static final String ANONYMOUS = "未登录用户";

    private Actors() {
    }

    public static String of(SecurityContext security, String declared) {
        if (security != null && security.getUserPrincipal() != null) {
            return security.getUserPrincipal().getName();
        }
        if (declared == null || declared.isBlank()) {
            return ANONYMOUS;
        }
        String d = declared.strip();
        return d.length() > 100 ? d.substring(0, 100) : d;
    }
}
