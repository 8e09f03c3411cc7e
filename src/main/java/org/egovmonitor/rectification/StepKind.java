package org.egovmonitor.rectification;

import org.egovmonitor.platform.Messages;

/** One step of a task's or an appeal's timeline. */
public enum StepKind {
    ISSUED,
    REPLIED,
    RECHECK_REQUESTED,
    RECHECK_STARTED,
    RECHECK_FINISHED,
    CLOSED,
    RETURNED,
    OVERDUE,
    APPEAL_FILED,
    APPEAL_ACCEPTED,
    APPEAL_REJECTED;

    public String label() {
        return Messages.label(this);
    }
}
