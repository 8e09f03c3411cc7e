package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * One page of the bottleneck matrix (units × indicator groups) of a peer group on a snapshot day, weakest units
 * first (GET /api/bottlenecks/matrix).
 *
 * @param units  units of the peer group that day (all pages)
 * @param groups the indicator groups, in catalogue order (the matrix columns)
 */
public record BottleneckMatrix(LocalDate day, PeerGroup peerGroup, int units, int offset, int limit,
                               List<String> groups, List<Row> rows) {

    /** A unit's shortfall per indicator group; a group missing from {@code cells} was not scored for it. */
    public record Row(String unitCode, String unitName, Integer rank, double total, boolean vetoed,
                      Map<String, Cell> cells) {
    }

    /**
     * Points lost in a group out of the weight counted there; {@code noSite} when some of it was lost for lack of a
     * site (indicators in state NO_SITE).
     */
    public record Cell(double weight, double shortfall, boolean noSite) {
    }
}
