package org.egovmonitor.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.web.RequestBodies;

@Path("/api/sites/{id: [0-9]+}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final RegistryService registry;

    public SiteResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @AnyRole
    public Site get(@PathParam("id") long id) {
        return registry.site(id);
    }

    @PUT
    @OfficeOnly
    public Site update(@PathParam("id") long id, SiteRequest request) {
        return registry.updateSite(id, RequestBodies.require(request));
    }

    @DELETE
    @OfficeOnly
    public void delete(@PathParam("id") long id) {
        registry.deleteSite(id);
    }
}
