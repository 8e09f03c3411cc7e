package org.egovmonitor.auth;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import org.egovmonitor.errors.NotAuthenticatedException;
import org.egovmonitor.platform.Messages;

/**
 * Works out who is calling (session cookie or HTTP Basic) for every request, and enforces CSRF: a state-changing
 * request that carries a live session cookie must also carry that session's token, in the {@code X-CSRF-Token}
 * header or the {@code _csrf} form field. Requests without a session cookie (scripts with Basic) are exempt: a
 * browser attaches cookies to a cross-site form post, but never an Authorization header we did not ask it for (the
 * app never sends a Basic challenge, so browsers never prompt for and cache Basic credentials).
 * Whether the caller may call the method is the {@link PolicyFilter}'s job, which runs after this one. Pre-matching,
 * so that requests to unknown paths are attributed too (audit log).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String COOKIE = "egov_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    static final String CALLER = "egov.caller";
    /** The username a request tried to authenticate as, for the audit log of failed logins. */
    static final String ATTEMPTED_USER = "egov.attemptedUser";
    static final String CLIENT_IP = "egov.clientIp";
    private static final int MAX_FORM_BYTES = 1 << 20;

    private final AuthService auth;
    private final ClientAddress clientAddress;

    @Context
    private HttpServletRequest servletRequest;

    public AuthenticationFilter(AuthService auth, ClientAddress clientAddress) {
        this.auth = auth;
        this.clientAddress = clientAddress;
    }

    /** The authenticated caller of the request, or null when anonymous. */
    public static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(CALLER);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String ip = clientAddress.clientIp(servletRequest);
        request.setProperty(CLIENT_IP, ip);
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<Caller> bySession = cookie == null ? Optional.empty() : auth.session(cookie.getValue());
        Caller caller = bySession.orElse(null);

        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            caller = basic(request, authorization, ip);
        }
        // The login form has its own protection (Origin check); re-logging in over a live session must still work.
        boolean login = request.getUriInfo().getPath().equals("auth/login");
        if (bySession.isPresent() && Policy.isWrite(request.getMethod()) && !login) {
            checkCsrf(request, bySession.get().csrfToken());
        }
        if (caller != null) {
            request.setProperty(CALLER, caller);
            request.setSecurityContext(new CallerSecurityContext(caller, clientAddress.secure(servletRequest)));
        }
    }

    private Caller basic(ContainerRequestContext request, String authorization, String ip) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new NotAuthenticatedException(Messages.get("error.access.basicOrSession"));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticatedException(AuthService.BAD_CREDENTIALS);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new NotAuthenticatedException(AuthService.BAD_CREDENTIALS);
        }
        String username = decoded.substring(0, colon);
        request.setProperty(ATTEMPTED_USER, username);
        return auth.basic(username, decoded.substring(colon + 1), ip);
    }

    private static void checkCsrf(ContainerRequestContext request, String expected) throws IOException {
        String sent = request.getHeaderString(CSRF_HEADER);
        if (sent == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            sent = formField(request, CSRF_FIELD);
        }
        if (!Tokens.equal(sent, expected)) {
            throw new AccessDeniedException(Messages.get("error.access.csrf"));
        }
    }

    /** Reads one field of a url-encoded body and puts the body back for the resource method. */
    private static String formField(ContainerRequestContext request, String name) throws IOException {
        byte[] body = request.getEntityStream().readNBytes(MAX_FORM_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // malformed %-escape: no usable token
        }
        return null;
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.method() == AuthMethod.BASIC ? BASIC_AUTH : FORM_AUTH;
        }
    }
}
