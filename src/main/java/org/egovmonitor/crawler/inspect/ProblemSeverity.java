package org.egovmonitor.crawler.inspect;

/** How much a check's problem weighs; scoring turns it into a finding of the matching kind. */
public enum ProblemSeverity {
    /** A single-item veto (单项否决): a severe wording error, hidden links. Also loses the points of a deduction. */
    SEVERE,
    /** Loses points, as indicators.yml sets for the check. */
    DEDUCT,
    /** An early warning only, no points lost. */
    WARN
}
