package org.egovmonitor.scoring.rules;

import java.util.List;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.RuleType;

/**
 * 内容正确性: misused words, wrong leader posts, outdated body names and sensitive words on the homepage and the
 * sampled articles; {@code pointsPerError} per hit, a severe hit (as the word lists of crawlers/checks.yml mark it)
 * is a veto. Each hit's evidence URL opens its page at the hit (a Text Fragment), so the office can dismiss one false
 * positive without dismissing the page's other hits.
 */
public final class WordingRule extends InspectionCheckRule {

    @Override
    public RuleType type() {
        return RuleType.WORDING;
    }

    @Override
    List<String> checks() {
        return List.of("misusedWords", "leaderNames", "outdatedNames", "sensitiveWords");
    }

    @Override
    double points(Indicator ind, CheckProblem problem) {
        return ind.param("pointsPerError");
    }

    @Override
    String threshold(Indicator ind, CheckProblem problem) {
        return "每处表述错误扣 " + points(ind.param("pointsPerError")) + " 分" + (severe(problem) ? "，严重错误单项否决" : "");
    }

    @Override
    String evidenceUrl(CheckProblem problem, SiteMeasurement m) {
        return textFragment(super.evidenceUrl(problem, m), problem.excerpt());
    }
}
