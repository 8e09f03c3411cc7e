package org.egovmonitor.registry;

import java.util.List;

/** A unit as listed by GET /api/units: the unit plus its network status and number of sites. */
public record UnitSummary(String code, String name, UnitKind kind, String parentCode, PeerGroup peerGroup,
                          List<String> aliases, List<String> tags, boolean demo, NodeStatus networkStatus,
                          int siteCount) {
}
