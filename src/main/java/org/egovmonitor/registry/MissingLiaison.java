package org.egovmonitor.registry;

import java.time.LocalDate;

/**
 * A unit without a current liaison officer. {@code previousName}/{@code vacantSince} describe the last officer when
 * there was one (null when the unit never had one).
 */
public record MissingLiaison(String code, String name, UnitKind kind, PeerGroup peerGroup, String previousName,
                             LocalDate vacantSince, boolean pendingRequest) {
}
