package org.egovmonitor.bulletins;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.egovmonitor.collection.Coverage;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.scoring.CityBottleneck;
import org.egovmonitor.scoring.Grade;

/**
 * What a 通报 report says, built from stored score snapshots ({@link BulletinBuilder}) and laid out for print by
 * {@link BulletinLayout}.
 *
 * @param snapshotDay the snapshot the report is about: the last stored day within the period
 * @param previousDay the snapshot it is compared with (环比): the last stored day within the previous period, or null
 * @param coverage    the network coverage when the report was generated
 * @param bottlenecks the city's bottleneck (largest total shortfall) of each peer group
 * @param improved    the units whose score rose most since the previous period, best first
 * @param tasks       open 整改 tasks at the end of the period ({@link OpenTasks})
 * @param periodTasks 整改 tasks issued or closed within the period ({@link PeriodTasks})
 * @param checks      the inspection indicators (办事指南要素, 内容正确性, 技术规范, 内容安全): how many units each found
 *                    problems on
 * @param checkFindings the inspection findings of the snapshot, worst first (vetoes, then points lost), at most
 *                    {@link BulletinBuilder#CHECK_FINDINGS} of {@code checkFindingsTotal}
 */
public record Bulletin(ReportPeriod period, LocalDate snapshotDay, LocalDate previousDay, String catalogueVersion,
                       Instant generatedAt, Overview overview, Coverage.Counts coverage, List<GroupRanking> rankings,
                       List<VetoLine> vetoes, List<CityBottleneck> bottlenecks, List<RankingLine> improved,
                       List<OpenTasks.Row> tasks, List<PeriodTasks.Row> periodTasks, List<CheckLine> checks,
                       List<CheckFindingLine> checkFindings, int checkFindingsTotal) {

    /**
     * One inspection indicator over the snapshot's units.
     *
     * @param judged   units whose sites it judged (SCORED)
     * @param affected units that lost points on it or were vetoed
     * @param vetoed   units it vetoed
     * @param findings deductions and vetoes, all units together
     */
    public record CheckLine(String indicator, String group, int judged, int affected, int vetoed, int findings) {
    }

    /** One inspection finding of a unit: what is wrong, where (the page), and whether it is a veto. */
    public record CheckFindingLine(String unitCode, String unitName, String indicator, boolean veto, double points,
                                   String message, String url) {
    }

    /**
     * @param units  units scored in the snapshot
     * @param sites  monitored websites in the registry
     * @param rated  units graded and ranked (not 未评定)
     * @param grades units per grade, in grade order
     */
    public record Overview(int units, int sites, int rated, int vetoed, Map<Grade, Integer> grades) {
    }

    public record GroupRanking(PeerGroup group, List<RankingLine> lines) {
    }

    /**
     * One unit's line of a ranking.
     *
     * @param previousRank  its rank in the previous period's snapshot, null when it was not ranked there
     * @param rankChange    previousRank − rank (positive = moved up), null without both ranks
     * @param previousTotal its score in the previous period's snapshot, null when it was not scored there
     * @param scoreChange   total − previousTotal, null without a previous score
     */
    public record RankingLine(Integer rank, String unitCode, String unitName, PeerGroup group, double total,
                              Grade grade, boolean vetoed, Integer previousRank, Integer rankChange,
                              Double previousTotal, Double scoreChange) {
    }

    /** One veto of a unit with its evidence (the page, the date seen there, the HTTP status). */
    public record VetoLine(String unitCode, String unitName, String indicator, String message, String url,
                           LocalDate date, Integer httpStatus, String hint) {
    }
}
