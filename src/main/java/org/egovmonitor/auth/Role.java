package org.egovmonitor.auth;

import org.egovmonitor.platform.Messages;

/** Who a user is to the platform (design §7). */
public enum Role {
    /** The informatization office: administers everything. */
    OFFICE,
    /** City leaders: read-only, city-wide. */
    LEADER,
    /** A department or county: bound to one unit, reads its own findings and submits its own reports. */
    DEPARTMENT;

    /** The Chinese name shown to users. */
    public String label() {
        return Messages.label(this);
    }
}
