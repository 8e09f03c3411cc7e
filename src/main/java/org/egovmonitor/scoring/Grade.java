package org.egovmonitor.scoring;

/** The grade of a unit's total; any veto makes it FAIL whatever the points. */
public enum Grade {
    EXCELLENT("优秀"),
    GOOD("良好"),
    PASS("合格"),
    FAIL("不合格"),
    /** Too little could be scored to grade or rank the unit (see minScoredWeightPercent). */
    NOT_RATED("未评定");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
