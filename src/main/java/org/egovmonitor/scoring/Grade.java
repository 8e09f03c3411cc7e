package org.egovmonitor.scoring;

import org.egovmonitor.platform.Messages;

/** The grade of a unit's total; any veto makes it FAIL whatever the points. */
public enum Grade {
    EXCELLENT,
    GOOD,
    PASS,
    FAIL,
    /** Too little could be scored to grade or rank the unit (see minScoredWeightPercent). */
    NOT_RATED;

    public String label() {
        return Messages.label(this);
    }
}
