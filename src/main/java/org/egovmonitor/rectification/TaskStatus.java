package org.egovmonitor.rectification;

/** Where a rectification task stands. Overdue is not a status: it is computed from the deadline (see the task). */
public enum TaskStatus {
    OPEN("待整改"),
    REPLIED("已答复"),
    RECHECKING("复查中"),
    RETURNED("复查未通过"),
    CLOSED("已销号");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A department may reply or ask for a re-check. */
    public boolean awaitsDepartment() {
        return this == OPEN || this == REPLIED || this == RETURNED;
    }
}
