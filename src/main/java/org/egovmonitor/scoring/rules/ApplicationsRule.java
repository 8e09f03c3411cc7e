package org.egovmonitor.scoring.rules;

import java.util.List;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * The indicator's expected {@code systems} the unit's latest approved self-report does not list as in use:
 * {@code pointsPerMissingSystem} each. No approved report is no data.
 */
public final class ApplicationsRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.APPLICATIONS;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.LanReport r = input.unit().lanReport();
        if (r == null) {
            return j.noData("无数据：没有已审核通过的应用系统自报");
        }
        Evidence evidence = new Evidence(null, r.approvedOn(), null, "self-report");
        List<String> missing = ind.systems().stream().filter(s -> !r.systemsInUse().contains(s)).toList();
        j.observed("在用系统 " + (ind.systems().size() - missing.size()) + " / " + ind.systems().size());
        for (String system : missing) {
            j.deduct(ind.param("pointsPerMissingSystem"), "未使用 " + systemName(system), "应使用 "
                    + systemName(system), "未建设或未使用" + systemName(system), evidence);
        }
        return j;
    }

    private static String systemName(String id) {
        return switch (id) {
            case "oa" -> "办公自动化系统";
            case "vertical_network" -> "纵向业务网";
            case "video_conference" -> "视频会议系统";
            case "database" -> "业务数据库";
            default -> id;
        };
    }
}
