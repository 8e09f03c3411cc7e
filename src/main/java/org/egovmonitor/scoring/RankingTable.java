package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.api.PeerGroup;

/** A stored day's ranking, of one peer group or (group null) all of them (GET /api/rankings). */
public record RankingTable(LocalDate day, String catalogueVersion, PeerGroup peerGroup, List<RankingRow> rows) {
}
