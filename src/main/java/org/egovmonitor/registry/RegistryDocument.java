package org.egovmonitor.registry;

import java.util.List;

/** The rows of a registry file, each with the line it starts on. */
public record RegistryDocument(List<Row<UnitRequest>> units, List<Row<SiteRequest>> sites,
                               List<Row<NodeRequest>> nodes, List<Row<LiaisonRequest>> liaisons,
                               List<Row<LeaderRequest>> leaders) {

    public record Row<T>(int line, T value) {
    }

    public int size() {
        return units.size() + sites.size() + nodes.size() + liaisons.size() + leaders.size();
    }
}
