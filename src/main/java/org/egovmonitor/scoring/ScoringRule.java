package org.egovmonitor.scoring;

import java.time.LocalDate;

/**
 * How one {@link RuleType} judges an indicator: a pure function of the evidence, the catalogue (the rule's numbers
 * are the indicator's {@code params} in {@code crawlers/indicators.yml}) and the scoring day. One final class per
 * rule type, found through {@link ScoringRules}.
 */
public interface ScoringRule {

    /** The rule type this class judges; exactly one class per type. */
    RuleType type();

    /**
     * Judges {@code indicator} at {@code weight} (it applies to the unit: the caller has checked peer group and unit
     * kind). A site-based rule ({@link RuleType#website()}) is never called for a unit without any monitored site:
     * the caller applies the catalogue's no-site policy to all of them alike. A per-site rule
     * ({@link RuleType#perSite()}) is called once per site of the unit, with {@link Input#site()} set; the caller
     * keeps the worst.
     */
    Judgement judge(Indicator indicator, double weight, Input input);

    /**
     * What a rule judges.
     *
     * @param unit      the unit's evidence
     * @param site      for a per-site rule, the site judged; null otherwise
     * @param catalogue the catalogue in force (what-if copies included), with its section families and windows
     * @param day       the scoring day
     */
    record Input(UnitEvidence unit, UnitEvidence.SiteEvidence site, IndicatorCatalogue catalogue, LocalDate day) {
    }
}
