package org.egovmonitor.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS; no Max-Age (ends with the browser). */
final class SessionCookies {

    private SessionCookies() {
    }

    static NewCookie issue(String sessionId, boolean secure) {
        return build(sessionId, secure, -1);
    }

    static NewCookie clear(boolean secure) {
        return build("", secure, 0);
    }

    private static NewCookie build(String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(AuthenticationFilter.COOKIE).value(value).path("/").httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    static boolean secure(ClientAddress address, HttpServletRequest request) {
        return address.secure(request);
    }
}
