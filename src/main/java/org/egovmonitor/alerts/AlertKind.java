package org.egovmonitor.alerts;

import org.egovmonitor.platform.Messages;

/** What an alert announces. */
public enum AlertKind {
    NEW_VETO,
    NEW_WARNING,
    SITE_DOWN,
    OVERDUE_TASK,
    TEST;

    public String label() {
        return Messages.label(this);
    }
}
