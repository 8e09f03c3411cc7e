package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Map;

/**
 * What one check concluded on one site ({@code measure --json}: {@code "checks": [...]}).
 *
 * @param check    the check's id
 * @param outcome  passed, failed, warned or not checked
 * @param summary  one line in Chinese: what was looked at and what was seen (e.g. 抽查办事指南 5 篇，要素齐全 3 篇)
 * @param problems every problem found, in page order
 * @param metrics  numbers behind the summary (e.g. guidesSampled, guidesComplete), for scoring and charts
 */
public record CheckResult(String check, CheckOutcome outcome, String summary, List<CheckProblem> problems,
                          Map<String, Double> metrics) {

    public CheckResult {
        problems = problems == null ? List.of() : List.copyOf(problems);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A judged check: its outcome follows from its problems. */
    public static CheckResult judged(String check, String summary, List<CheckProblem> problems,
                                     Map<String, Double> metrics) {
        return new CheckResult(check, CheckOutcome.of(problems), summary, problems, metrics);
    }

    /** A check that could not be judged, and why. */
    public static CheckResult notChecked(String check, String why) {
        return new CheckResult(check, CheckOutcome.NOT_CHECKED, why, List.of(), Map.of());
    }
}
