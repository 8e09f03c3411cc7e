package org.egovmonitor.scoring;

import java.util.List;

/**
 * How an indicator is judged: each rule is one class of {@code org.egovmonitor.scoring.rules}, keyed by this type
 * ({@code ScoringRules}); its numbers are the indicator's {@code params} in {@code crawlers/indicators.yml}, and every
 * rule lists the keys it needs.
 */
public enum RuleType {
    AVAILABILITY(Basis.EACH_SITE, RuleType.PROBE_WINDOW_DAYS, "minSamples", "deductFromPercent", "pointsPerPercent", "warnAtPercent",
            "vetoAtPercent"),
    HOMEPAGE_FRESHNESS(Basis.EACH_SITE, "deductAfterDays", "pointsPerDay", "warnAtDays", "vetoAfterDays"),
    SECTION_FRESHNESS(Basis.EACH_SITE, "pointsPerStaleSection", "warnAtCoreStale", "vetoAtCoreStale", "vetoAtShouldUpdateStale"),
    BLANK_SECTIONS(Basis.EACH_SITE, "pointsPerBlank", "warnAbove", "vetoAt"),
    SECTION_COMPLETENESS(Basis.EACH_SITE, "pointsPerMissing", "warnAtMissing"),
    LINK_HEALTH(Basis.EACH_SITE, "pointsPerBrokenLink", "warnAt"),
    UPDATE_VOLUME(Basis.EACH_SITE, "floorPer30Days", "pointsPerMissingItem"),
    INTERACTION(Basis.SITES, "lookbackDays", "deductAfterDays", "pointsPerLateReply", "warnAfterDays", "vetoAfterDays"),
    NETWORK_COVERAGE(Basis.UNIT, "pointsPlanned", "pointsNotConnected", "minSamples", "nodeFailureDeductFromPercent",
            "pointsNodeUnreliable"),
    LAN_OA(Basis.UNIT, "pointsNoLan", "minComputersPerStaff", "pointsLowComputers", "pointsNoOa", "pointsNoInternet"),
    APPLICATIONS(Basis.UNIT, "pointsPerMissingSystem"),
    LIAISON(Basis.UNIT, "pointsNoLiaison", "pointsNoPhone"),
    CONTRIBUTION(Basis.UNIT, "targetPer30Days", "warnBelowPer90Days"),
    // The inspection checks of crawlers/checks.yml, judged from the site measurement's check results.
    SERVICE_GUIDES(Basis.EACH_SITE, "pointsPerIncompleteGuide", "warnBelowCompletePercent"),
    WORDING(Basis.EACH_SITE, "pointsPerError"),
    TECHNICAL(Basis.EACH_SITE, "https", "ipv6", "viewport", "siteSearch", "soft404", "siteCode", "icp",
            "publicSecurity", "govMark"),
    CONTENT_SAFETY(Basis.EACH_SITE, "pointsPerHiddenLink", "pointsPerForeignNavLink", "pointsPerUnknownScriptHost");

    /**
     * The availability rule's probe window, in days. Not {@code windowDays}: that names a section family's freshness
     * window in {@code crawlers/sections.yml}, a different thing.
     */
    public static final String PROBE_WINDOW_DAYS = "probeWindowDays";

    /** The probe window's key before it was renamed; the catalogue refuses it with a message naming the new one. */
    public static final String OLD_PROBE_WINDOW_DAYS = "windowDays";

    /** What a rule reads, which decides how a unit without any monitored site is treated. */
    enum Basis {
        /** One site at a time: judged once per site, the worst site counts. */
        EACH_SITE,
        /** The unit's sites taken together (e.g. the messages of all its interactive sections). */
        SITES,
        /** The unit itself (registry, self-reports, the portal): owning a site or not does not matter. */
        UNIT
    }

    private final Basis basis;
    private final List<String> params;

    RuleType(Basis basis, String... params) {
        this.basis = basis;
        this.params = List.of(params);
    }

    /**
     * True when the rule reads a unit's websites, so that a unit without any monitored site gets the no-site policy
     * (crawlers/indicators.yml {@code noSite}) instead of the rule's own judgement.
     */
    public boolean website() {
        return basis != Basis.UNIT;
    }

    /** True when the rule judges one site at a time (the unit's worst site counts). */
    public boolean perSite() {
        return basis == Basis.EACH_SITE;
    }

    /** True for the rules over the inspection checks of crawlers/checks.yml (reported together in the 通报). */
    public boolean inspection() {
        return this == SERVICE_GUIDES || this == WORDING || this == TECHNICAL || this == CONTENT_SAFETY;
    }

    /** The params keys this rule needs, all of them required. */
    public List<String> params() {
        return params;
    }
}
