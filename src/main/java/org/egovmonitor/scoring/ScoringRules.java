package org.egovmonitor.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The rule classes keyed by the {@link RuleType} they judge. Built once, checked whole: a type without its class (or
 * with two) stops the app when the scoring rules are first loaded, never scores silently.
 *
 * <p>The rule classes live in {@code org.egovmonitor.scoring.rules} and depend on this package (the evidence, the
 * catalogue, {@link Judgement}); this package must not depend on them back (ArchitectureTest: no package cycles). So
 * they are found as {@link ServiceLoader} providers of {@link ScoringRule}, listed in
 * {@code META-INF/services/org.egovmonitor.scoring.ScoringRule}; a class left out of that list is caught by the check.
 */
public final class ScoringRules {

    /** The rules the app scores with: one per {@link RuleType}. */
    public static final ScoringRules STANDARD = of(ServiceLoader.load(ScoringRule.class,
            ScoringRule.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList());

    private final Map<RuleType, ScoringRule> byType;

    private ScoringRules(Map<RuleType, ScoringRule> byType) {
        this.byType = byType;
    }

    /** The registry of {@code rules}; throws when a rule type has no rule or more than one. */
    public static ScoringRules of(List<? extends ScoringRule> rules) {
        Map<RuleType, ScoringRule> byType = new EnumMap<>(RuleType.class);
        List<String> problems = new ArrayList<>();
        for (ScoringRule rule : rules) {
            ScoringRule before = byType.putIfAbsent(rule.type(), rule);
            if (before != null) {
                problems.add(rule.type() + " is judged by both " + before.getClass().getSimpleName() + " and "
                        + rule.getClass().getSimpleName());
            }
        }
        for (RuleType type : RuleType.values()) {
            if (!byType.containsKey(type)) {
                problems.add(type + " has no rule class");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("scoring rules are incomplete: " + String.join("; ", problems));
        }
        return new ScoringRules(byType);
    }

    /** The rule of {@code type}: always present, {@link #of} checked it. */
    public ScoringRule forType(RuleType type) {
        return byType.get(type);
    }
}
