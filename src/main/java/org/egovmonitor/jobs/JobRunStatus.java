package org.egovmonitor.jobs;

import org.egovmonitor.platform.Messages;

public enum JobRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** The Chinese name shown to users. */
    public String label() {
        return Messages.label(this);
    }
}
