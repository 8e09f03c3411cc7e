package org.egovmonitor.scoring;

import java.util.List;

/**
 * How an indicator is judged: each rule is one class of {@code org.egovmonitor.scoring.rules}, keyed by this type
 * ({@code ScoringRules}); its numbers are the indicator's {@code params} in {@code crawlers/indicators.yml}, and every
 * rule lists the keys it needs.
 */
public enum RuleType {
    AVAILABILITY(true, RuleType.PROBE_WINDOW_DAYS, "minSamples", "deductFromPercent", "pointsPerPercent", "warnAtPercent",
            "vetoAtPercent"),
    HOMEPAGE_FRESHNESS(true, "deductAfterDays", "pointsPerDay", "warnAtDays", "vetoAfterDays"),
    SECTION_FRESHNESS(true, "pointsPerStaleSection", "warnAtCoreStale", "vetoAtCoreStale", "vetoAtShouldUpdateStale"),
    BLANK_SECTIONS(true, "pointsPerBlank", "warnAbove", "vetoAt"),
    SECTION_COMPLETENESS(true, "pointsPerMissing", "warnAtMissing"),
    LINK_HEALTH(true, "pointsPerBrokenLink", "warnAt"),
    UPDATE_VOLUME(true, "floorPer30Days", "pointsPerMissingItem"),
    INTERACTION(false, "lookbackDays", "deductAfterDays", "pointsPerLateReply", "warnAfterDays", "vetoAfterDays"),
    NETWORK_COVERAGE(false, "pointsPlanned", "pointsNotConnected", "minSamples", "nodeFailureDeductFromPercent",
            "pointsNodeUnreliable"),
    LAN_OA(false, "pointsNoLan", "minComputersPerStaff", "pointsLowComputers", "pointsNoOa", "pointsNoInternet"),
    APPLICATIONS(false, "pointsPerMissingSystem"),
    LIAISON(false, "pointsNoLiaison", "pointsNoPhone"),
    CONTRIBUTION(false, "targetPer30Days", "warnBelowPer90Days");

    /**
     * The availability rule's probe window, in days. Not {@code windowDays}: that names a section family's freshness
     * window in {@code crawlers/sections.yml}, a different thing.
     */
    public static final String PROBE_WINDOW_DAYS = "probeWindowDays";

    /** The probe window's key before it was renamed; the catalogue refuses it with a message naming the new one. */
    public static final String OLD_PROBE_WINDOW_DAYS = "windowDays";

    private final boolean website;
    private final List<String> params;

    RuleType(boolean website, String... params) {
        this.website = website;
        this.params = List.of(params);
    }

    /** True when the rule judges a unit's websites (and so depends on the no-site policy). */
    public boolean website() {
        return website;
    }

    /** The params keys this rule needs, all of them required. */
    public List<String> params() {
        return params;
    }
}
