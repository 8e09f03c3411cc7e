package org.egovmonitor.scoring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.egovmonitor.auth.LeaderOrOffice;

/** How units fared on one indicator, per peer group (leader dashboard: website freshness and the like). */
@Path("/api/indicators/{id}/distribution")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorDistributionResource {

    private final BottleneckMatrixService breakdowns;

    public IndicatorDistributionResource(BottleneckMatrixService breakdowns) {
        this.breakdowns = breakdowns;
    }

    @GET
    @LeaderOrOffice
    public IndicatorDistribution distribution(@PathParam("id") String id, @QueryParam("date") String date) {
        return breakdowns.distribution(id, ScoringParams.date("date", date));
    }
}
