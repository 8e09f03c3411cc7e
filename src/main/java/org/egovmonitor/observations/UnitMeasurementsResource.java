package org.egovmonitor.observations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.auth.OwnUnit;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.registry.RegistryService;
import org.egovmonitor.registry.Site;

/**
 * The latest measurement of each of a unit's sites, for the unit itself: a department sees what the crawler read
 * on its own sites (sections, sub-columns, dates) to know what to fix (same path as UnitResource; Jersey merges).
 */
@Path("/api/units/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class UnitMeasurementsResource {

    /**
     * One site of the unit and its latest measurement (null when it was never measured).
     */
    public record SiteLatest(long siteId, String siteName, String siteUrl, Instant measuredAt,
                             SiteMeasurement measurement) {
    }

    private final RegistryService registry;
    private final ObservationStore store;

    public UnitMeasurementsResource(RegistryService registry, ObservationStore store) {
        this.registry = registry;
        this.store = store;
    }

    @GET
    @Path("/measurements/latest")
    @OwnUnit("code")
    public List<SiteLatest> latest(@PathParam("code") String code) {
        registry.unitDetail(code);
        List<SiteLatest> out = new ArrayList<>();
        for (Site site : registry.listSites(code, null, null)) {
            StoredMeasurement m = store.latest(site.id()).orElse(null);
            out.add(new SiteLatest(site.id(), site.name(), site.url(), m == null ? null : m.measuredAt(),
                    m == null ? null : m.measurement()));
        }
        return out;
    }
}
