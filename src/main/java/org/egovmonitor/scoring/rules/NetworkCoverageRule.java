package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;
import static org.egovmonitor.scoring.Judgement.pct;

import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * The unit's node on the government exchange network: planned or not connected loses points; a connected node whose
 * probes (at least {@code minSamples}) fail from {@code nodeFailureDeductFromPercent} loses
 * {@code pointsNodeUnreliable}. No node in the registry is no data.
 */
public final class NetworkCoverageRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.NETWORK_COVERAGE;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        Judgement j = new Judgement(ind, weight, null);
        UnitEvidence.NodeEvidence node = input.unit().node();
        if (node == null) {
            return j.noData("无数据：登记册中没有本单位的网络节点信息");
        }
        Evidence evidence = node.endpoint() == null ? Evidence.NONE : Evidence.of(node.endpoint());
        String observed = switch (node.status()) {
            case CONNECTED -> "已接入" + (node.phase() == null ? "" : "（" + node.phase() + " 期）");
            case PLANNED -> "规划接入";
            case NOT_CONNECTED -> "未接入";
        };
        if (node.status() == NodeStatus.PLANNED) {
            j.deduct(ind.param("pointsPlanned"), observed, "应接入电子政务信息交换网", "尚未接入政务网（已列入规划）",
                    evidence);
        } else if (node.status() == NodeStatus.NOT_CONNECTED) {
            j.deduct(ind.param("pointsNotConnected"), observed, "应接入电子政务信息交换网", "未接入政务网", evidence);
        } else if (node.probeSamples() >= ind.param("minSamples") && node.probeSamples() > 0) {
            double share = node.probeFailures() * 100.0 / node.probeSamples();
            observed += "，节点探测失败率 " + pct(share);
            if (share >= ind.param("nodeFailureDeductFromPercent")) {
                j.deduct(ind.param("pointsNodeUnreliable"), observed, "节点探测失败率 ≥ "
                        + num(ind.param("nodeFailureDeductFromPercent")) + "% 扣分", "网络节点不能稳定连通（失败率 "
                        + pct(share) + "）", evidence);
            }
        }
        j.observed(observed);
        return j;
    }
}
