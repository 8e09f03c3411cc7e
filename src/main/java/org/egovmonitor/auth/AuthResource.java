package org.egovmonitor.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.platform.Messages;

/**
 * The login form's endpoints. Login is protected against login CSRF (an attacker logging the victim into the
 * attacker's account) by checking Origin, or Referer when Origin is absent: one of them must name this host (or a
 * configured allowed origin). Browsers send Origin on every form POST, so a missing pair means a script, which should
 * use HTTP Basic instead.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final ClientAddress clientAddress;
    private final List<String> allowedOrigins;

    public AuthResource(AuthService auth, ClientAddress clientAddress, List<String> allowedOrigins) {
        this.auth = auth;
        this.clientAddress = clientAddress;
        this.allowedOrigins = allowedOrigins.stream().map(o -> stripSlash(o.strip().toLowerCase(Locale.ROOT))).toList();
    }

    @POST
    @Path("/login")
    @PublicEndpoint
    @org.egovmonitor.web.ChecksControlCharacters
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("next") String next, @CookieParam(AuthenticationFilter.COOKIE) String previous,
                          @Context HttpServletRequest servletRequest,
                          @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        request.setProperty(AuthenticationFilter.ATTEMPTED_USER, username);
        checkOrigin(headers);
        LoginResult result = auth.login(username, password, (String) request.getProperty(AuthenticationFilter.CLIENT_IP),
                headers.getHeaderString(HttpHeaders.USER_AGENT), previous);
        request.setProperty(AuthenticationFilter.CALLER, result.caller());
        boolean secure = clientAddress.secure(servletRequest);
        String target = safeNext(next);
        Caller c = result.caller();
        if (wantsJson(headers)) {
            return Response.ok(new LoginResponse(c.username(), c.displayName(), c.role(), c.unitCode(), c.csrfToken(),
                    target)).cookie(SessionCookies.issue(result.sessionId(), secure)).build();
        }
        return Response.seeOther(URI.create(target)).cookie(SessionCookies.issue(result.sessionId(), secure)).build();
    }

    /** Ends the session (the CSRF token was checked by the filter, since the request carries the session cookie). */
    @POST
    @Path("/logout")
    @PublicEndpoint
    public Response logout(@CookieParam(AuthenticationFilter.COOKIE) String sessionId, @Context HttpHeaders headers,
                           @Context HttpServletRequest servletRequest) {
        auth.logout(sessionId);
        Response.ResponseBuilder response = wantsJson(headers) ? Response.noContent()
                : Response.seeOther(URI.create("/login.html?loggedOut=1"));
        return response.cookie(SessionCookies.clear(clientAddress.secure(servletRequest))).build();
    }

    private void checkOrigin(HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        String source = origin != null && !origin.equals("null") ? origin : headers.getHeaderString("Referer");
        String host = headers.getHeaderString(HttpHeaders.HOST);
        if (source == null || host == null || !sameOrigin(source, host)) {
            throw new AccessDeniedException(Messages.get("error.access.loginOrigin"));
        }
    }

    private boolean sameOrigin(String source, String host) {
        URI uri;
        try {
            uri = URI.create(source.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return false;
        }
        String origin = (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        return uri.getRawAuthority().equalsIgnoreCase(host.strip()) || allowedOrigins.contains(origin);
    }

    /** Only a local path: never an absolute URL or a scheme-relative "//host" (no open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(ch -> ch < 0x20) || next.startsWith("/auth/")) {
            return "/";
        }
        return next;
    }

    private static boolean wantsJson(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType()).orElse(false);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
