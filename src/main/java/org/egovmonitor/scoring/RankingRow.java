package org.egovmonitor.scoring;

import java.time.LocalDate;
import org.egovmonitor.registry.PeerGroup;

/** One line of a stored ranking (GET /api/rankings); gradeLabel is the Chinese grade. */
public record RankingRow(LocalDate day, PeerGroup peerGroup, Integer rank, Integer rankChange, String unitCode,
                         String unitName, double total, Grade grade, String gradeLabel, boolean vetoed,
                         double scoredWeight, double bonus, String bottleneck, double bottleneckShortfall,
                         int vetoCount, int warningCount) {
}
