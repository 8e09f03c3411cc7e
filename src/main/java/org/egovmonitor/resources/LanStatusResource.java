package org.egovmonitor.resources;

import org.egovmonitor.auth.LeaderOrOffice;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.egovmonitor.api.PeerGroup;
import org.egovmonitor.core.reports.LanStatus;
import org.egovmonitor.core.reports.SelfReportService;

/** Current LAN / OA status per unit (approved self-reports) and the distributions for the leader charts. */
@Path("/api/lan-status")
@Produces(MediaType.APPLICATION_JSON)
public class LanStatusResource {

    private final SelfReportService reports;

    public LanStatusResource(SelfReportService reports) {
        this.reports = reports;
    }

    @GET
    @LeaderOrOffice
    public LanStatus get(@QueryParam("group") String group) {
        return reports.lanStatus(QueryParams.enumValue(PeerGroup.class, "group", group));
    }
}
