package org.egovmonitor.bulletins;

import org.egovmonitor.platform.Messages;

/** How long a 通报 report's period is; a custom report covers any date range the office names. */
public enum BulletinKind {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    CUSTOM;

    public String label() {
        return Messages.label(this);
    }
}
