package org.egovmonitor.scoring;

import java.time.LocalDate;
import org.egovmonitor.registry.PeerGroup;

/** A warning (or veto) of a stored day, with its unit (GET /api/warnings). */
public record AlertRow(LocalDate day, String unitCode, String unitName, PeerGroup peerGroup, Finding finding) {
}
