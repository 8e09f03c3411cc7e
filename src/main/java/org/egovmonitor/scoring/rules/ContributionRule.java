package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * Portal items naming the unit as source: below {@code targetPer30Days} in the last 30 days it loses the missing
 * share of its weight; below {@code warnBelowPer90Days} in the last 90 days it is warned. Not counted is no data.
 */
public final class ContributionRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.CONTRIBUTION;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.Contributions c = input.unit().contributions();
        if (c == null) {
            return j.noData("无数据：未统计门户网站报送信息");
        }
        double target = ind.param("targetPer30Days");
        String observed = "近 30 天报送 " + c.last30Days() + " 条，近 90 天 " + c.last90Days() + " 条";
        j.observed(observed);
        double ratio = target <= 0 ? 1 : Math.min(1, c.last30Days() / target);
        if (ratio < 1) {
            j.deduct(weight * (1 - ratio), observed, "每 30 天不少于 " + num(target) + " 条",
                    "信息报送不足：近 30 天 " + c.last30Days() + " 条，目标 " + num(target) + " 条", Evidence.NONE);
        }
        if (c.last90Days() < ind.param("warnBelowPer90Days")) {
            j.warn(observed, "近 90 天少于 " + num(ind.param("warnBelowPer90Days")) + " 条预警",
                    "近 90 天仅报送 " + c.last90Days() + " 条", Evidence.NONE);
        }
        return j;
    }
}
