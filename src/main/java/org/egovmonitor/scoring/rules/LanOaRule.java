package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * The unit's latest approved LAN/OA self-report: no LAN, too few computers per staff member, no OA, no internet
 * each lose their points. No approved report is no data.
 */
public final class LanOaRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.LAN_OA;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.LanReport r = input.unit().lanReport();
        if (r == null) {
            return j.noData("无数据：没有已审核通过的局域网自报");
        }
        Evidence evidence = new Evidence(null, r.approvedOn(), null, "self-report");
        j.observed((r.lanPresent() ? "有局域网" : "无局域网") + "，计算机 " + r.computers() + " 台 / 人员 " + r.staff()
                + " 人，" + (r.oaInUse() ? "已用 OA" : "未用 OA") + "，" + (r.internetAccess() ? "可上网" : "未接互联网"));
        if (!r.lanPresent()) {
            j.deduct(ind.param("pointsNoLan"), "无局域网", "应建有局域网", "单位未建局域网", evidence);
        }
        double min = ind.param("minComputersPerStaff");
        if (r.staff() > 0 && (double) r.computers() / r.staff() < min) {
            j.deduct(ind.param("pointsLowComputers"), "计算机 " + r.computers() + " 台 / 人员 " + r.staff() + " 人",
                    "人均计算机不少于 " + num(min) + " 台", "计算机配备不足", evidence);
        }
        if (!r.oaInUse()) {
            j.deduct(ind.param("pointsNoOa"), "未使用办公自动化系统", "应使用 OA", "未启用办公自动化（OA）", evidence);
        }
        if (!r.internetAccess()) {
            j.deduct(ind.param("pointsNoInternet"), "未接入互联网", "应接入互联网", "单位未接入互联网", evidence);
        }
        return j;
    }
}
