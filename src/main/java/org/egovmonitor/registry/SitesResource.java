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

@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SitesResource {

    private final RegistryService registry;

    public SitesResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @AnyRole
    public List<Site> list(@QueryParam("unit") String unit, @QueryParam("kind") String kind,
                           @QueryParam("monitored") String monitored) {
        return registry.listSites(unit == null || unit.isBlank() ? null : unit.strip(),
                QueryParams.enumValue(SiteKind.class, "kind", kind), QueryParams.bool("monitored", monitored));
    }

    @POST
    @OfficeOnly
    public Response create(SiteRequest request) {
        Site site = registry.createSite(RequestBodies.require(request));
        return Response.created(UriBuilder.fromResource(SiteResource.class).build(site.id())).entity(site).build();
    }
}
