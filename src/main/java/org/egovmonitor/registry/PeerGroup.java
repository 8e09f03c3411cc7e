package org.egovmonitor.registry;

import org.egovmonitor.platform.Messages;

/** Units are ranked only against their peers: never a township against a municipal bureau. */
public enum PeerGroup {
    DEPARTMENTS,
    COUNTIES,
    COUNTY_DEPARTMENTS,
    TOWNSHIPS;

    /** The Chinese name shown to users. */
    public String label() {
        return Messages.label(this);
    }
}
