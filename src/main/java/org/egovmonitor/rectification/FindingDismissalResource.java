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
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.auth.OwnUnit;
import org.egovmonitor.reviews.Actors;
import org.egovmonitor.web.RequestBodies;

/** The office's dismissals of a unit's false-positive findings (误报): the office dismisses, the unit may read. */
@Path("/api/units/{code}/findings/dismissals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FindingDismissalResource {

    private final FindingDismissalService dismissals;

    public FindingDismissalResource(FindingDismissalService dismissals) {
        this.dismissals = dismissals;
    }

    @POST
    @OfficeOnly
    public Response dismiss(@PathParam("code") String code, FindingDismissalService.Request body,
                            @Context SecurityContext security) {
        FindingDismissal d = dismissals.dismiss(code, RequestBodies.require(body), Actors.of(security, null));
        return Response.status(Response.Status.CREATED).entity(d).build();
    }

    @GET
    @OwnUnit("code")
    public List<FindingDismissal> list(@PathParam("code") String code) {
        return dismissals.dismissals(code);
    }
}
