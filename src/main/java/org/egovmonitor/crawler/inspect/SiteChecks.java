package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the inspection checks on one site, in order. A check that throws (it should not: hostile pages are its
 * daily bread) becomes NOT_CHECKED with a log line, so one broken check never costs the site its measurement.
 */
public final class SiteChecks {

    private static final Logger LOG = LoggerFactory.getLogger(SiteChecks.class);

    /** No checks: engines built without checks.yml (most tests, and callers that measure freshness only). */
    public static final SiteChecks NONE = new SiteChecks(List.of(), 0);

    private final List<SiteCheck> checks;
    private final int maxPagesPerSite;

    public SiteChecks(List<SiteCheck> checks, int maxPagesPerSite) {
        this.checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        this.maxPagesPerSite = maxPagesPerSite;
    }

    /** The checks of {@code crawlers/checks.yml}. */
    public static SiteChecks of(InspectionRules rules) {
        return new SiteChecks(rules.checks(), rules.maxCheckPagesPerSite());
    }

    /** Pages the checks of one site may GET. */
    public int maxPagesPerSite() {
        return maxPagesPerSite;
    }

    public boolean isEmpty() {
        return checks.isEmpty();
    }

    /** Every check's result on the site, in check order. */
    public List<CheckResult> run(CheckInput input) {
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (SiteCheck check : checks) {
            try {
                results.add(Objects.requireNonNull(check.check(input), "result"));
            } catch (RuntimeException | StackOverflowError e) {
                LOG.warn("check {} failed unexpectedly on {}", check.id(), input.siteUrl(), e);
                results.add(CheckResult.notChecked(check.id(), "检查出错，未能判断"));
            }
        }
        return results;
    }
}
