package org.egovmonitor.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/units/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final RegistryService registry;

    public UnitResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @OwnUnit("code")
    public UnitDetail get(@PathParam("code") String code) {
        return registry.unitDetail(code);
    }

    @PUT
    @OfficeOnly
    public Unit update(@PathParam("code") String code, UnitRequest request) {
        return registry.updateUnit(code, RequestBodies.require(request));
    }

    @DELETE
    @OfficeOnly
    public void delete(@PathParam("code") String code) {
        registry.deleteUnit(code);
    }

    @GET
    @Path("/node")
    @OwnUnit("code")
    public NetworkNode node(@PathParam("code") String code) {
        return registry.node(code);
    }

    @PUT
    @Path("/node")
    @OfficeOnly
    public NetworkNode putNode(@PathParam("code") String code, NodeRequest request) {
        return registry.putNode(code, RequestBodies.require(request));
    }

    @DELETE
    @Path("/node")
    @OfficeOnly
    public void deleteNode(@PathParam("code") String code) {
        registry.deleteNode(code);
    }

    /** The unit's leaders (name, post) in order, as the wording check reads its sites against them. */
    @GET
    @Path("/leaders")
    @OwnUnit("code")
    public List<UnitLeader> leaders(@PathParam("code") String code) {
        return registry.leaders(code);
    }

    /** Replaces the unit's leaders (the office keeps them). */
    @PUT
    @Path("/leaders")
    @OfficeOnly
    public List<UnitLeader> putLeaders(@PathParam("code") String code, LeadersRequest request) {
        return registry.putLeaders(code, RequestBodies.require(request));
    }

    /** The unit's liaison officers, newest first; the current one has no untilDate. */
    @GET
    @Path("/liaisons")
    @OwnUnit("code")
    public List<Liaison> liaisons(@PathParam("code") String code) {
        return registry.liaisonHistory(code);
    }

    @PUT
    @Path("/liaison")
    @OfficeOnly
    public Liaison putLiaison(@PathParam("code") String code, LiaisonRequest request) {
        return registry.putLiaison(code, RequestBodies.require(request));
    }

    @DELETE
    @Path("/liaison")
    @OfficeOnly
    public void endLiaison(@PathParam("code") String code) {
        registry.endLiaison(code);
    }

    /** A department asks to replace its liaison officer; the office approves or rejects it. */
    @POST
    @Path("/liaison-requests")
    @OwnUnit("code")
    public Response requestLiaisonChange(@PathParam("code") String code, LiaisonChangeRequest request,
                                         @Context SecurityContext security) {
        LiaisonChangeRequest body = RequestBodies.require(request);
        LiaisonChange change = registry.submitLiaisonRequest(code, body, Actors.of(security, body.submittedBy()));
        return Response.status(Response.Status.CREATED).entity(change).build();
    }

    @GET
    @Path("/liaison-requests")
    @OwnUnit("code")
    public List<LiaisonChange> liaisonRequests(@PathParam("code") String code) {
        return registry.liaisonRequests(code);
    }
}
