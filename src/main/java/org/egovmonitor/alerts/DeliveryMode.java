package org.egovmonitor.alerts;

import org.egovmonitor.platform.Messages;

/** Per recipient: every alert as it happens (outside quiet hours), or one digest a day at the set time. */
public enum DeliveryMode {
    IMMEDIATE,
    DIGEST;

    public String label() {
        return Messages.label(this);
    }
}
