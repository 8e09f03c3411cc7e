package org.egovmonitor.collection;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.reviews.Actors;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.web.QueryParams;

/** The office's review queue of self-reports. */
@Path("/api/self-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelfReportsResource {

    private final SelfReportService reports;

    public SelfReportsResource(SelfReportService reports) {
        this.reports = reports;
    }

    @GET
    @OfficeOnly
    public List<SelfReport> list(@QueryParam("status") String status) {
        return reports.byStatus(QueryParams.enumValue(ReviewStatus.class, "status", status));
    }

    @GET
    @Path("/{id: [0-9]+}")
    @LeaderOrOffice
    public SelfReport get(@PathParam("id") long id) {
        return reports.get(id);
    }

    @POST
    @Path("/{id: [0-9]+}/approve")
    @OfficeOnly
    public SelfReport approve(@PathParam("id") long id, ReviewDecision decision, @Context SecurityContext security) {
        return reports.approve(id, decision, Actors.of(security, decision == null ? null : decision.reviewedBy()));
    }

    @POST
    @Path("/{id: [0-9]+}/reject")
    @OfficeOnly
    public SelfReport reject(@PathParam("id") long id, ReviewDecision decision, @Context SecurityContext security) {
        return reports.reject(id, decision, Actors.of(security, decision == null ? null : decision.reviewedBy()));
    }
}
