package org.egovmonitor.registry;

import java.util.List;

/** An assessed body (单位). */
public record Unit(String code, String name, UnitKind kind, String parentCode, PeerGroup peerGroup,
                   List<String> aliases, List<String> tags, boolean demo) {
}
