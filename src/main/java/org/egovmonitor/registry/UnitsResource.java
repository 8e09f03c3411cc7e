package org.egovmonitor.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.web.QueryParams;
import org.egovmonitor.web.RequestBodies;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitsResource {

    private final RegistryService registry;

    public UnitsResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @AnyRole
    public List<UnitSummary> list(@QueryParam("kind") String kind, @QueryParam("peerGroup") String peerGroup,
                                  @QueryParam("parent") String parent, @QueryParam("connected") String connected) {
        return registry.listUnits(QueryParams.enumValue(UnitKind.class, "kind", kind),
                QueryParams.enumValue(PeerGroup.class, "peerGroup", peerGroup),
                parent == null || parent.isBlank() ? null : parent.strip(),
                QueryParams.bool("connected", connected));
    }

    @POST
    @OfficeOnly
    public Response create(UnitRequest request) {
        Unit unit = registry.createUnit(RequestBodies.require(request));
        return Response.created(UriBuilder.fromResource(UnitResource.class).build(unit.code())).entity(unit).build();
    }
}
