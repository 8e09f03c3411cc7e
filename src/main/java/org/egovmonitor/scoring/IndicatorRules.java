package org.egovmonitor.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * The published scoring rules (GET /api/indicators): what every unit is judged by, so that a department can check
 * its score and the office can start a what-if from the current values.
 *
 * @param minScoredWeightPercent below this share of scored weight a unit is 未评定
 */
public record IndicatorRules(String version, IndicatorCatalogue.Grades grades, double minScoredWeightPercent,
                             List<Rule> indicators) {

    /**
     * One indicator as applied.
     *
     * @param weight  the catalogue's weight (what a what-if weight replaces, for every peer group)
     * @param weights the weight in each peer group it applies to (per-group overrides included)
     * @param params  the rule's numbers (what a what-if threshold replaces)
     */
    public record Rule(String id, String name, String group, RuleType rule, double weight,
                       Map<PeerGroup, Double> weights, Map<String, Double> params, String hint) {
    }

    public static IndicatorRules of(IndicatorCatalogue catalogue) {
        List<Rule> rules = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            Map<PeerGroup, Double> weights = new LinkedHashMap<>();
            for (PeerGroup g : PeerGroup.values()) {
                if (i.appliesTo(g)) {
                    weights.put(g, i.weightFor(g));
                }
            }
            rules.add(new Rule(i.id(), i.name(), i.group(), i.rule(), i.weight(), weights,
                    new LinkedHashMap<>(i.params()), i.hint()));
        }
        return new IndicatorRules(catalogue.version(), catalogue.grades(), catalogue.minScoredWeightPercent(),
                List.copyOf(rules));
    }
}
