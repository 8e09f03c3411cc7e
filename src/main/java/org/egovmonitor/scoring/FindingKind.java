package org.egovmonitor.scoring;

/** What a finding is: points lost, a veto, or an early warning below a veto line. */
public enum FindingKind {
    DEDUCTION("扣分"),
    VETO("单项否决"),
    WARNING("预警");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
