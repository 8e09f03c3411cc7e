package org.egovmonitor.scoring.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.scoring.RuleType;

/**
 * The rule classes keyed by the {@link RuleType} they judge. Built once, checked whole: a type without its class (or
 * with two) stops the app when the scoring rules are first loaded, never scores silently.
 */
public final class ScoringRules {

    /** The rules the app scores with: one per {@link RuleType}. */
    public static final ScoringRules STANDARD = of(List.of(new AvailabilityRule(), new HomepageFreshnessRule(),
            new SectionFreshnessRule(), new BlankSectionsRule(), new SectionCompletenessRule(), new LinkHealthRule(),
            new UpdateVolumeRule(), new InteractionRule(), new NetworkCoverageRule(), new LanOaRule(),
            new ApplicationsRule(), new LiaisonRule(), new ContributionRule()));

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
