package org.egovmonitor.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Jdbi;

/**
 * The newest audit records first, optionally filtered by user, action and a date range (days in the service's time
 * zone, both ends included), {@code offset} records skipped for paging.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditResource(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @GET
    @OfficeOnly
    public List<AuditEntry> latest(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                   @QueryParam("user") String user, @QueryParam("action") String action,
                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        int n = parseLimit(limit);
        int skip = parseOffset(offset);
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new ValidationException(List.of(FieldError.of("to", Messages.get("error.audit.toBeforeFrom"))));
        }
        AuditDao.Query q = new AuditDao.Query(blankToNull(user), action(action), start(fromDay),
                toDay == null ? null : start(toDay.plusDays(1)));
        return jdbi.withExtension(AuditDao.class, dao -> dao.find(q, n, skip));
    }

    private Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static AuditAction action(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(FieldError.of("action", Messages.get("error.audit.unknownAction"))));
        }
    }

    private static LocalDate day(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(FieldError.of(field, Messages.get("error.audit.date"))));
        }
    }

    private static int parseOffset(String offset) {
        if (offset == null || offset.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(offset.strip());
            if (n >= 0 && n <= 10_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(FieldError.of("offset", Messages.get("error.audit.offset"))));
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
        throw new ValidationException(List.of(FieldError.of("limit", Messages.get("error.audit.limit", MAX_LIMIT))));
    }
}
