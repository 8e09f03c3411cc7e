package org.egovmonitor.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.jdbi.v3.core.Jdbi;

/** The newest audit records first. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    private final Jdbi jdbi;

    public AuditResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @GET
    @OfficeOnly
    public List<AuditEntry> latest(@QueryParam("limit") String limit) {
        int n = parseLimit(limit);
        return jdbi.withExtension(AuditDao.class, dao -> dao.latest(n));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(FieldError.of("limit", "应为 1–" + MAX_LIMIT + " 的整数")));
    }
}
