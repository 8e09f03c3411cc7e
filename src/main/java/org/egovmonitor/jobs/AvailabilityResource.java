package org.egovmonitor.jobs;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.observations.SiteAvailability;
import org.egovmonitor.platform.Messages;

/**
 * Homepage probe results per monitored site over the last {@code days} (7 by default, as the rule reads them): probes,
 * failures, the newest failure and its error kind, the average response time; one unit's sites with {@code unit}.
 */
@Path("/api/availability")
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {

    private final AvailabilityProber availability;

    public AvailabilityResource(AvailabilityProber availability) {
        this.availability = availability;
    }

    @GET
    @LeaderOrOffice
    public List<SiteAvailability> list(@QueryParam("days") @DefaultValue("7") String days,
                                       @QueryParam("unit") String unit) {
        int n;
        try {
            n = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 366) {
            throw new ValidationException(List.of(FieldError.of("days", Messages.get("error.jobs.limit", 366))));
        }
        return availability.failureShares(Duration.ofDays(n), unit == null || unit.isBlank() ? null : unit.strip());
    }
}
