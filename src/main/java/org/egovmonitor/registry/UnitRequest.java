package org.egovmonitor.registry;

import java.util.List;

/** A unit as written by a client or a registry file; validated by RegistryValidator. */
public record UnitRequest(String code, String name, UnitKind kind, String parentCode, PeerGroup peerGroup,
                          List<String> aliases, List<String> tags) {
}
