package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.registry.PeerGroup;

/**
 * One page of a stored day's ranking (GET /api/rankings), of one peer group or (group null) all of them.
 *
 * @param units  rows matching the filters (all pages)
 * @param offset rows skipped before this page
 * @param limit  the page size asked for
 * @param groups per peer group, over the rows matching the filters: how many units, how many rated, their average
 * @param rows   this page's rows
 */
public record RankingTable(LocalDate day, String catalogueVersion, PeerGroup peerGroup, int units, int offset,
                           int limit, List<GroupSummary> groups, List<RankingRow> rows) {

    /** A peer group's figures; averageTotal is over rated units only (null when none is rated). */
    public record GroupSummary(PeerGroup peerGroup, String label, int units, int rated, Double averageTotal) {
    }
}
