package org.egovmonitor.scoring;

import org.egovmonitor.platform.Messages;

/** What a finding is: points lost, a veto, or an early warning below a veto line. */
public enum FindingKind {
    DEDUCTION,
    VETO,
    WARNING;

    public String label() {
        return Messages.label(this);
    }
}
