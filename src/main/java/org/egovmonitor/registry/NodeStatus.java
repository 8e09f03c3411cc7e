package org.egovmonitor.registry;

import org.egovmonitor.platform.Messages;

/** A unit's connection to the e-government exchange network (电子政务信息交换网). */
public enum NodeStatus {
    CONNECTED,
    PLANNED,
    NOT_CONNECTED;

    /** The Chinese name shown to users. */
    public String label() {
        return Messages.label(this);
    }
}
