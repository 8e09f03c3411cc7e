package org.egovmonitor.observations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.egovmonitor.auth.AccessDeniedException;
import org.egovmonitor.auth.AnyRole;
import org.egovmonitor.auth.Caller;
import org.egovmonitor.auth.Role;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.platform.Messages;

/**
 * The evidence snapshot viewer (网页快照): a page as the crawler fetched it, as sanitised text with the finding's
 * excerpt or date located ({@link SnapshotView}).
 *
 * <p>Access follows the reads of one unit's data ({@code @OwnUnit}), with the unit found from the snapshot rather
 * than the path: the office and the leaders (read-only, city-wide: they read every unit's findings, and a snapshot is
 * a finding's evidence) see any snapshot; a department only those of its own unit's sites' fetches — the stored
 * fetch records, or what retention kept of them. An unknown name is 404 for everyone before the unit is looked at
 * (a SHA-256 names exact page bytes: knowing one tells nothing a department could not fetch itself).
 */
@Path("/api/snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotsResource {

    private final EvidenceStore snapshots;

    public SnapshotsResource(EvidenceStore snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Path("/{sha256}")
    @AnyRole
    public SnapshotView snapshot(@PathParam("sha256") String sha256, @QueryParam("mark") String mark,
                                 @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        EvidenceStore.Snapshot found = snapshots.find(sha256)
                .orElseThrow(() -> new NotFoundException(Messages.get("error.snapshot.notFound")));
        if (caller.is(Role.DEPARTMENT) && !snapshots.belongsToUnit(sha256, caller.unitCode())) {
            throw new AccessDeniedException(Messages.get("error.snapshot.otherUnit"));
        }
        return SnapshotView.of(found, mark);
    }
}
