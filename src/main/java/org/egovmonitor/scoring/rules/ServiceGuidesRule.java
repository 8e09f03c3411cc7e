package org.egovmonitor.scoring.rules;

import java.util.List;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * 办事指南要素: the sampled service guides of the check {@code serviceGuides}; {@code pointsPerIncompleteGuide} for each
 * guide missing an element, a warning when the share of complete guides is below {@code warnBelowCompletePercent}.
 */
public final class ServiceGuidesRule extends InspectionCheckRule {

    static final String CHECK = "serviceGuides";

    @Override
    public RuleType type() {
        return RuleType.SERVICE_GUIDES;
    }

    @Override
    List<String> checks() {
        return List.of(CHECK);
    }

    @Override
    double points(Indicator ind, CheckProblem problem) {
        return ind.param("pointsPerIncompleteGuide");
    }

    @Override
    String threshold(Indicator ind, CheckProblem problem) {
        return "每篇要素不全的办事指南扣 " + points(ind.param("pointsPerIncompleteGuide")) + " 分";
    }

    @Override
    void judgeResults(Judgement j, List<CheckResult> results) {
        result(results, CHECK).ifPresent(r -> {
            double sampled = r.metrics().getOrDefault("guidesSampled", 0.0);
            double complete = r.metrics().getOrDefault("guidesComplete", 0.0);
            double warnBelow = j.indicator().param("warnBelowCompletePercent");
            if (sampled > 0 && complete * 100 / sampled < warnBelow) {
                j.warn(r.summary(), "要素齐全的办事指南低于 " + points(warnBelow) + "% 预警",
                        "抽查的办事指南中要素齐全的仅占 " + Judgement.pct(complete * 100 / sampled), Evidence.NONE);
            }
        });
    }
}
