package org.egovmonitor.alerts;

import org.egovmonitor.platform.Messages;

/** Where a message stands. PENDING, HELD, DIGEST and RETRYING wait for their due time; the rest are final. */
public enum DeliveryStatus {
    PENDING,
    HELD,
    DIGEST,
    RETRYING,
    SENT,
    FAILED,
    CANCELLED;

    public String label() {
        return Messages.label(this);
    }
}
