package org.egovmonitor.scoring.rules;

import java.time.LocalDate;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.IndicatorState;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/** Runs one rule on hand-built evidence and says what came out in one line, for tables of cases. */
final class RuleTestSupport {

    static final LocalDate DAY = ScoringFixtures.DAY;
    static final IndicatorCatalogue CATALOGUE = ScoringFixtures.EDITION_2024_1;

    private RuleTestSupport() {
    }

    /** The indicator of the shipped catalogue judged by {@code rule}'s type (each type has one there). */
    static Indicator indicatorOf(ScoringRule rule) {
        // the inspection rules came after the 2024.1 edition: their indicators are the shipping ones
        return CATALOGUE.indicators().stream().filter(i -> i.rule() == rule.type()).findFirst()
                .or(() -> ScoringFixtures.CATALOGUE.indicators().stream().filter(i -> i.rule() == rule.type())
                        .findFirst())
                .orElseThrow();
    }

    /** Judges a unit-level rule on {@code unit}. */
    static Judgement judgeUnit(ScoringRule rule, UnitEvidence unit) {
        Indicator ind = indicatorOf(rule);
        return rule.judge(ind, ind.weight(), new ScoringRule.Input(unit, null, CATALOGUE, DAY));
    }

    /** Judges a website rule on the only site of a healthy unit, with {@code site} in its place. */
    static Judgement judgeSite(ScoringRule rule, UnitEvidence.SiteEvidence site) {
        Indicator ind = indicatorOf(rule);
        UnitEvidence unit = ScoringFixtures.withSites(ScoringFixtures.healthy("u"), java.util.List.of(site));
        return rule.judge(ind, ind.weight(), new ScoringRule.Input(unit, site, CATALOGUE, DAY));
    }

    /** Judges a website rule on a site measured as {@code m}. */
    static Judgement judgeMeasurement(ScoringRule rule, SiteMeasurement m) {
        return judgeSite(rule, ScoringFixtures.site(m, 1000, 0));
    }

    /**
     * "STATE points [veto] Dn Wn": state, points kept, whether vetoed, and the number of deductions and warnings.
     * Also checks the invariant of every judgement: its deductions add up exactly to what it lost.
     */
    static String outcome(Judgement j) {
        double lost = j.findings().stream().filter(f -> f.kind() == FindingKind.DEDUCTION)
                .mapToDouble(f -> f.points()).sum();
        if (j.state() == IndicatorState.SCORED && Judgement.round(lost) != Judgement.round(j.weight() - j.points())) {
            throw new AssertionError("findings lose " + lost + " but the judgement lost " + (j.weight() - j.points()));
        }
        return j.state() + " " + Judgement.round(j.points()) + (j.vetoed() ? " veto" : "")
                + " D" + count(j, FindingKind.DEDUCTION) + " W" + count(j, FindingKind.WARNING);
    }

    private static long count(Judgement j, FindingKind kind) {
        return j.findings().stream().filter(f -> f.kind() == kind).count();
    }
}
