package org.egovmonitor.collection;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.OfficeOnly;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.registry.RegistryValidator;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.web.RequestBodies;

/** Information contribution (信息报送): counts per unit, unmatched sources, and a manual collection round. */
@Path("/api/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContributionsResource {

    /** Body of the assign call: the unit the source belongs to. */
    public record Assignment(String unitCode) {
    }

    /** Body of the collect call: the portal to read; the registered PORTAL site when absent. */
    public record CollectRequest(String portal) {
    }

    private final ContributionService contributions;
    private final Clock clock;

    public ContributionsResource(ContributionService contributions, Clock clock) {
        this.contributions = contributions;
        this.clock = clock;
    }

    @GET
    @AnyRole
    public Contributions.Summary summary() {
        return contributions.summary(LocalDate.now(clock));
    }

    @GET
    @Path("/unmapped")
    @OfficeOnly
    public List<Contributions.UnmappedSource> unmapped() {
        return contributions.unmapped();
    }

    @POST
    @Path("/unmapped/{source}/assign")
    @OfficeOnly
    public Unit assign(@PathParam("source") String source, Assignment assignment) {
        return contributions.assign(source, RequestBodies.require(assignment).unitCode());
    }

    /** Runs one round now (the scheduler runs them otherwise). */
    @POST
    @Path("/collect")
    @OfficeOnly
    public Contributions.RoundResult collect(CollectRequest request) {
        URI portal;
        if (request == null || request.portal() == null || request.portal().isBlank()) {
            portal = contributions.registeredPortal();
        } else {
            try {
                portal = URI.create(RegistryValidator.normalizeUrl(request.portal()));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(List.of(FieldError.of("portal", e.getMessage())));
            }
        }
        return contributions.collectFromPortal(portal, LocalDate.now(clock));
    }
}
