package org.egovmonitor.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.egovmonitor.api.BottleneckMatrix;
import org.egovmonitor.api.FieldError;
import org.egovmonitor.api.PeerGroup;
import org.egovmonitor.auth.LeaderOrOffice;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.scoring.BottleneckMatrixService;

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
                number("offset", offset, 0, 0, Integer.MAX_VALUE),
                number("limit", limit, 50, 1, BottleneckMatrixService.MAX_LIMIT));
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(FieldError.of(name, "应为 " + min + " 到 " + max + " 之间的整数")));
    }
}
