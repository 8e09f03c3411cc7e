package org.egovmonitor.observations;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.RegistryService;

@Path("/api/sites/{id: [0-9]+}/measurements")
@Produces(MediaType.APPLICATION_JSON)
public class SiteMeasurementsResource {

    static final int MAX_LIMIT = 500;

    private final RegistryService registry;
    private final ObservationStore store;

    public SiteMeasurementsResource(RegistryService registry, ObservationStore store) {
        this.registry = registry;
        this.store = store;
    }

    @GET
    @Path("latest")
    @LeaderOrOffice
    public StoredMeasurement latest(@PathParam("id") long id) {
        registry.site(id);
        return store.latest(id).orElseThrow(() -> new NotFoundException(
                Messages.get("error.observations.noMeasurement", id)));
    }

    @GET
    @LeaderOrOffice
    public List<MeasurementSummary> history(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("30")
                                            int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(List.of(new FieldError(null, "limit",
                    Messages.get("error.observations.limit", MAX_LIMIT))));
        }
        registry.site(id);
        return store.history(id, limit);
    }
}
