package org.egovmonitor.scoring.rules;

import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/** The unit's current liaison officer: none registered, or one without a phone number, loses points. */
public final class LiaisonRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.LIAISON;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.LiaisonFacts liaison = input.unit().liaison();
        if (liaison == null) {
            j.observed("未登记");
            j.deduct(ind.param("pointsNoLiaison"), "未登记信息联络员", "应有在任信息联络员", "未登记信息联络员",
                    Evidence.NONE);
            return j;
        }
        j.observed("已登记（自 " + liaison.since() + "）");
        if (liaison.phone() == null || liaison.phone().isBlank()) {
            j.deduct(ind.param("pointsNoPhone"), "联络员 " + liaison.name() + " 未登记电话", "应登记联系电话",
                    "信息联络员缺少联系电话", new Evidence(null, liaison.since(), null, null));
        }
        return j;
    }
}
