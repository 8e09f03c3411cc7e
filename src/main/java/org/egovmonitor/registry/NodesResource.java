package org.egovmonitor.registry;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;

/** All network nodes; a unit's own node is under /api/units/{code}/node. */
@Path("/api/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    private final RegistryService registry;

    public NodesResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @LeaderOrOffice
    public List<NetworkNode> list() {
        return registry.listNodes();
    }
}
