package org.egovmonitor.scoring;

import java.time.LocalDate;
import org.egovmonitor.registry.PeerGroup;

/**
 * A warning (or veto) of a stored day, with its unit (GET /api/warnings).
 *
 * @param previousDay the stored day before {@code day} it was compared with, or null when there is none
 * @param isNew       true when the previous stored day had no finding of the same unit, indicator, kind and site
 *                    (always false without a previous day: nothing to compare with)
 */
public record AlertRow(LocalDate day, String unitCode, String unitName, PeerGroup peerGroup, Finding finding,
                       LocalDate previousDay, boolean isNew) {

    /** A row not (yet) compared with any earlier day. */
    public AlertRow(LocalDate day, String unitCode, String unitName, PeerGroup peerGroup, Finding finding) {
        this(day, unitCode, unitName, peerGroup, finding, null, false);
    }
}
