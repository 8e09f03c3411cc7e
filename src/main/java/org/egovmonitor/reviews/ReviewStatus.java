package org.egovmonitor.reviews;

import org.egovmonitor.platform.Messages;

/** Where a department's submission stands in the office's review. */
public enum ReviewStatus {
    PENDING,
    APPROVED,
    REJECTED;

    public String label() {
        return Messages.label(this);
    }
}
