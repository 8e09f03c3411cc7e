package org.egovmonitor.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every state-changing request to /api and /auth, allowed or refused, with its final status. Runs on the
 * response, so failures mapped from exceptions (401, 403, 422, 500 …) are recorded too. The query string is left
 * out (it is never needed to tell what was changed, and could carry something secret).
 */
@Priority(Priorities.USER - 100)
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);

    private final Jdbi jdbi;

    public AuditFilter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!Policy.isWrite(request.getMethod()) || !(path.startsWith("/api/") || path.startsWith("/auth/"))) {
            return;
        }
        Caller caller = AuthenticationFilter.caller(request);
        String username = caller != null ? caller.username() : (String) request.getProperty(
                AuthenticationFilter.ATTEMPTED_USER);
        try {
            jdbi.useExtension(AuditDao.class, dao -> dao.insert(truncate(ControlChars.escape(username), 64),
                    caller == null ? null : caller.role(), caller == null ? AuthMethod.NONE : caller.method(),
                    request.getMethod(), truncate(path, 500), response.getStatus(),
                    (String) request.getProperty(AuthenticationFilter.CLIENT_IP)));
        } catch (RuntimeException e) {
            // The write already happened; failing the response now would only hide that from the caller.
            LOG.error("Could not write the audit record of {} {} by {} ({})", request.getMethod(),
                    ControlChars.escape(path), ControlChars.escape(username), response.getStatus(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
