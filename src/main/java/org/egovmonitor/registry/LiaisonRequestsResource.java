package org.egovmonitor.registry;

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

/** Liaison officer change requests (the office's queue) and units without an officer. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LiaisonRequestsResource {

    private final RegistryService registry;

    public LiaisonRequestsResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Path("/liaisons/missing")
    @LeaderOrOffice
    public List<MissingLiaison> missing() {
        return registry.missingLiaisons();
    }

    @GET
    @Path("/liaison-requests")
    @OfficeOnly
    public List<LiaisonChange> list(@QueryParam("status") String status) {
        return registry.liaisonRequestsByStatus(QueryParams.enumValue(ReviewStatus.class, "status", status));
    }

    @POST
    @Path("/liaison-requests/{id: [0-9]+}/approve")
    @OfficeOnly
    public LiaisonChange approve(@PathParam("id") long id, ReviewDecision decision,
                                 @Context SecurityContext security) {
        return registry.approveLiaisonRequest(id, decision,
                Actors.of(security, decision == null ? null : decision.reviewedBy()));
    }

    @POST
    @Path("/liaison-requests/{id: [0-9]+}/reject")
    @OfficeOnly
    public LiaisonChange reject(@PathParam("id") long id, ReviewDecision decision,
                                @Context SecurityContext security) {
        return registry.rejectLiaisonRequest(id, decision,
                Actors.of(security, decision == null ? null : decision.reviewedBy()));
    }
}
