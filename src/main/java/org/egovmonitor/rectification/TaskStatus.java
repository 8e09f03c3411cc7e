package org.egovmonitor.rectification;

import org.egovmonitor.platform.Messages;

/** Where a rectification task stands. Overdue is not a status: it is computed from the deadline (see the task). */
public enum TaskStatus {
    OPEN,
    REPLIED,
    RECHECKING,
    RETURNED,
    CLOSED;

    public String label() {
        return Messages.label(this);
    }

    /** A department may reply or ask for a re-check. */
    public boolean awaitsDepartment() {
        return this == OPEN || this == REPLIED || this == RETURNED;
    }
}
