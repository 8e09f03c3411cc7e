package org.egovmonitor.scoring;

import java.util.List;
import org.egovmonitor.registry.PeerGroup;

/**
 * One unit's score on one day: the output of {@link ScoreCalculator}.
 *
 * @param total        100 × kept points / scored weight, plus bonus, capped; rounded to 2 decimals
 * @param scoredWeight the weight of SCORED and NO_SITE indicators (of 100): how much of the unit could be judged
 * @param bonus        bonus points included in total
 * @param grade        优秀/良好/合格/不合格/未评定 (any veto ⇒ 不合格, points still shown)
 * @param indicators   one result per catalogue indicator, in catalogue order
 * @param findings     deductions, vetoes and warnings with evidence, in indicator order
 * @param bottleneck   the SCORED indicator with the largest shortfall, or {@link NoSite#ID} when the points lost
 *                     for lack of a site are larger (null when nothing was lost)
 */
public record UnitScore(String unitCode, String unitName, PeerGroup peerGroup, double total, double scoredWeight,
                        double bonus, Grade grade, boolean vetoed, List<IndicatorResult> indicators,
                        List<Finding> findings, String bottleneck, double bottleneckShortfall) {

    public List<Finding> vetoes() {
        return findings.stream().filter(f -> f.kind() == FindingKind.VETO).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.kind() == FindingKind.WARNING).toList();
    }
}
