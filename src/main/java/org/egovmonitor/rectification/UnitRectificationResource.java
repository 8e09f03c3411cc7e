package org.egovmonitor.rectification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.egovmonitor.auth.OwnUnit;
import org.egovmonitor.reviews.Actors;
import org.egovmonitor.web.CsvExport;
import org.egovmonitor.web.RequestBodies;

/**
 * One unit's 整改 tasks and appeals: its department reads them, replies, asks for a re-check and appeals (the office
 * may act for it). A task of another unit is answered 404 here, whoever asks.
 */
@Path("/api/units/{code}/rectification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitRectificationResource {

    private final RectificationService rectification;
    private final RectificationCsv csv;

    public UnitRectificationResource(RectificationService rectification, java.time.ZoneId zone) {
        this.rectification = rectification;
        this.csv = new RectificationCsv(zone);
    }

    @GET
    @Path("/tasks")
    @OwnUnit("code")
    public List<RectificationTask> tasks(@PathParam("code") String code) {
        return rectification.tasks(code, null, false);
    }

    @GET
    @Path("/tasks.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    @OwnUnit("code")
    public Response tasksCsv(@PathParam("code") String code) {
        return csv.tasks("rectification-tasks-" + code + ".csv", tasks(code));
    }

    @GET
    @Path("/tasks/{id: [0-9]+}/timeline")
    @OwnUnit("code")
    public List<TimelineStep> timeline(@PathParam("code") String code, @PathParam("id") long id) {
        return rectification.timeline(code, id);
    }

    @POST
    @Path("/tasks/{id: [0-9]+}/reply")
    @OwnUnit("code")
    public RectificationTask reply(@PathParam("code") String code, @PathParam("id") long id, Requests.Reply body,
                                   @Context SecurityContext security) {
        return rectification.reply(code, id, RequestBodies.require(body), Actors.of(security, null));
    }

    @POST
    @Path("/tasks/{id: [0-9]+}/recheck")
    @OwnUnit("code")
    public RectificationTask recheck(@PathParam("code") String code, @PathParam("id") long id,
                                     @Context SecurityContext security) {
        return rectification.requestRecheck(code, id, Actors.of(security, null));
    }

    @GET
    @Path("/appeals")
    @OwnUnit("code")
    public List<FindingAppeal> appeals(@PathParam("code") String code) {
        return rectification.appeals(code, null);
    }

    @POST
    @Path("/appeals")
    @OwnUnit("code")
    public Response appeal(@PathParam("code") String code, Requests.Appeal body, @Context SecurityContext security) {
        FindingAppeal appeal = rectification.appeal(code, RequestBodies.require(body), Actors.of(security, null));
        return Response.status(Response.Status.CREATED).entity(appeal).build();
    }
}
