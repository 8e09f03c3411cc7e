package org.egovmonitor.scoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.UnitKind;

/**
 * One indicator of {@code crawlers/indicators.yml} (every key is documented there).
 *
 * @param weightByGroup per-peer-group weights overriding {@code weight}
 * @param peerGroups    peer groups it applies to
 * @param unitKinds     unit kinds it applies to (empty = all)
 */
public record Indicator(String id, String name, String group, double weight, Map<PeerGroup, Double> weightByGroup,
                        Set<PeerGroup> peerGroups, Set<UnitKind> unitKinds, RuleType rule, Map<String, Double> params,
                        List<String> families, List<String> systems, String hint) {

    public double weightFor(PeerGroup peerGroup) {
        return weightByGroup.getOrDefault(peerGroup, weight);
    }

    public boolean appliesTo(PeerGroup peerGroup) {
        return peerGroups.contains(peerGroup);
    }

    public boolean appliesToKind(UnitKind kind) {
        return unitKinds.isEmpty() || unitKinds.contains(kind);
    }

    public double param(String key) {
        Double value = params.get(key);
        if (value == null) {
            throw new IllegalStateException("indicator " + id + " has no param " + key);
        }
        return value;
    }
}
