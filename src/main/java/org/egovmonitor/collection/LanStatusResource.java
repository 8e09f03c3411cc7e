package org.egovmonitor.collection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.web.QueryParams;

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
