package org.egovmonitor.crawler.inspect;

/** How a check ended on one site. */
public enum CheckOutcome {
    /** Judged, nothing wrong. */
    PASSED,
    /** Judged, at least one problem of severity DEDUCT or SEVERE. */
    FAILED,
    /** Judged, only problems of severity WARN (e.g. a certificate that expires within 30 days). */
    WARNED,
    /** Could not be judged (a page the check needs did not answer, no such section); the summary says why. */
    NOT_CHECKED;

    /** The outcome of a judged check from its problems. */
    public static CheckOutcome of(java.util.List<CheckProblem> problems) {
        boolean failed = problems.stream().anyMatch(p -> p.severity() != ProblemSeverity.WARN);
        return failed ? FAILED : problems.isEmpty() ? PASSED : WARNED;
    }
}
