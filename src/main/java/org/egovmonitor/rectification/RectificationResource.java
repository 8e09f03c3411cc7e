package org.egovmonitor.rectification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.reviews.Actors;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.web.CsvExport;
import org.egovmonitor.web.QueryParams;
import org.egovmonitor.web.RequestBodies;

/** The office's side of 整改 and 申诉: every unit's tasks and appeals, issuing tasks, deciding appeals. */
@Path("/api/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RectificationResource {

    private final RectificationService rectification;
    private final RectificationCsv csv;

    public RectificationResource(RectificationService rectification, java.time.ZoneId zone) {
        this.rectification = rectification;
        this.csv = new RectificationCsv(zone);
    }

    @GET
    @Path("/tasks")
    @LeaderOrOffice
    public List<RectificationTask> tasks(@QueryParam("unit") String unit, @QueryParam("status") String status,
                                         @QueryParam("overdue") String overdue) {
        return rectification.tasks(blankToNull(unit), QueryParams.enumValue(TaskStatus.class, "status", status),
                Boolean.TRUE.equals(QueryParams.bool("overdue", overdue)));
    }

    @GET
    @Path("/tasks.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @LeaderOrOffice
    public Response tasksCsv(@QueryParam("unit") String unit, @QueryParam("status") String status,
                             @QueryParam("overdue") String overdue) {
        return csv.tasks("rectification-tasks.csv", tasks(unit, status, overdue));
    }

    @GET
    @Path("/tasks/{id: [0-9]+}")
    @LeaderOrOffice
    public RectificationTask task(@PathParam("id") long id) {
        return rectification.task(null, id);
    }

    @GET
    @Path("/tasks/{id: [0-9]+}/timeline")
    @LeaderOrOffice
    public List<TimelineStep> timeline(@PathParam("id") long id) {
        return rectification.timeline(null, id);
    }

    @POST
    @Path("/tasks")
    @OfficeOnly
    public Response issue(Requests.Issue request, @Context SecurityContext security) {
        IssueResult result = rectification.issue(RequestBodies.require(request), Actors.of(security, null));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    /** A task for every veto of every vetoed unit of the latest snapshot. */
    @POST
    @Path("/tasks/vetoed")
    @OfficeOnly
    public Response issueToVetoed(Requests.IssueVetoed request, @Context SecurityContext security) {
        IssueResult result = rectification.issueToVetoed(RequestBodies.require(request), Actors.of(security, null));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    @GET
    @Path("/appeals")
    @LeaderOrOffice
    public List<FindingAppeal> appeals(@QueryParam("unit") String unit, @QueryParam("status") String status) {
        return rectification.appeals(blankToNull(unit), QueryParams.enumValue(ReviewStatus.class, "status", status));
    }

    @GET
    @Path("/appeals.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @LeaderOrOffice
    public Response appealsCsv(@QueryParam("unit") String unit, @QueryParam("status") String status) {
        return csv.appeals("appeals.csv", appeals(unit, status));
    }

    @POST
    @Path("/appeals/{id: [0-9]+}/accept")
    @OfficeOnly
    public FindingAppeal accept(@PathParam("id") long id, ReviewDecision decision,
                                @Context SecurityContext security) {
        return rectification.accept(id, decision, Actors.of(security, null));
    }

    @POST
    @Path("/appeals/{id: [0-9]+}/reject")
    @OfficeOnly
    public FindingAppeal reject(@PathParam("id") long id, ReviewDecision decision,
                                @Context SecurityContext security) {
        return rectification.reject(id, decision, Actors.of(security, null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
