package org.egovmonitor.scoring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.web.QueryParams;

/** The bottleneck matrix of the office dashboard: units × indicator groups, one page at a time. */
@Path("/api/bottlenecks/matrix")
@Produces(MediaType.APPLICATION_JSON)
public class BottleneckMatrixResource {

    private final BottleneckMatrixService matrices;

    public BottleneckMatrixResource(BottleneckMatrixService matrices) {
        this.matrices = matrices;
    }

    @GET
    @LeaderOrOffice
    public BottleneckMatrix matrix(@QueryParam("group") String group, @QueryParam("date") String date,
                                   @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        PeerGroup peerGroup = QueryParams.enumValue(PeerGroup.class, "group", group);
        return matrices.matrix(peerGroup == null ? PeerGroup.DEPARTMENTS : peerGroup, ScoringParams.date("date", date),
                QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("limit", limit, 50, 1, BottleneckMatrixService.MAX_LIMIT));
    }
}
