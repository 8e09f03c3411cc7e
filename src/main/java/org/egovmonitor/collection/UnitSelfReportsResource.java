package org.egovmonitor.collection;

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
import org.egovmonitor.web.RequestBodies;

/**
 * A unit's LAN / OA self-reports. Submitting is open to the unit itself (the DEPARTMENT role bound to this unit,
 * once login exists) and to the office; the auth filter will enforce "own unit only" here.
 */
@Path("/api/units/{code}/self-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitSelfReportsResource {

    private final SelfReportService reports;

    public UnitSelfReportsResource(SelfReportService reports) {
        this.reports = reports;
    }

    @POST
    @OwnUnit("code")
    public Response submit(@PathParam("code") String code, SelfReportRequest request,
                           @Context SecurityContext security) {
        SelfReportRequest body = RequestBodies.require(request);
        SelfReport report = reports.submit(code, body, Actors.of(security, body.submittedBy()));
        return Response.status(Response.Status.CREATED).entity(report).build();
    }

    /** Every version, newest first; {@code current} marks the one that counts. */
    @GET
    @OwnUnit("code")
    public List<SelfReport> history(@PathParam("code") String code) {
        return reports.history(code);
    }
}
