package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.scoring.UnitEvidence.SiteEvidence;

/**
 * Scores one unit on one day from its evidence: pure, no I/O, deterministic. Each indicator is judged by the rule
 * class of its {@link RuleType} ({@link ScoringRules}, package {@code scoring.rules}); this class applies peer
 * groups, unit kinds and the no-site policy, picks the worst site, and totals.
 *
 * <p>Rules of the total (design.md §4):
 * <ul>
 *   <li>Each indicator starts at its weight (for the unit's peer group); deductions are capped at the weight. The
 *       findings of an indicator add up exactly to what it lost: a deduction past the cap is recorded with the
 *       points that were still left (possibly 0), so its evidence is never dropped.</li>
 *   <li>NOT_APPLICABLE (other peer group or unit kind; a township without any page when noSite says so) and
 *       NO_DATA (no measurement, too old a measurement, homepage unreachable at the last crawl, too few probes, no
 *       approved self-report …) are left out: {@code total = 100 × kept points / weight of counted indicators}
 *       (SCORED and NO_SITE). The unit shows how much weight was scored; below {@code minScoredWeightPercent} of its
 *       applicable weight it is graded 未评定 and not ranked. Missing data is therefore never a silent zero nor
 *       silent full marks. A unit about which nothing is known yet (just registered: no site, node, report,
 *       liaison, contribution or message) is 未评定 too, never 0 不合格.</li>
 *   <li>A unit with several sites is judged, per website indicator, on its <em>worst</em> site (a vetoed site
 *       first, then the fewest points), so a good portal cannot hide a neglected sub-site; vetoes of its other
 *       sites are listed as well. Sites without usable data are skipped unless no site has any.</li>
 *   <li>Content indicators are judged against the measurement's own day ({@code measuredOn}): the evidence is
 *       what the crawler saw that day, not a guess about what happened since.</li>
 *   <li>A unit that owns no monitored site is treated alike on every site-based indicator ({@link
 *       RuleType#website()}), per its peer group's {@code noSite} policy: NOT_APPLICABLE leaves them out, ZERO makes
 *       them NO_SITE at zero points with a single 未建网站 finding and, when it outweighs every other shortfall,
 *       未建网站 as the bottleneck ({@link NoSite}).</li>
 *   <li>Any veto makes the grade 不合格 whatever the points (points still shown); a vetoed unit earns no bonus.</li>
 * </ul>
 */
public final class ScoreCalculator {

    private static final ScoringRules RULES = ScoringRules.STANDARD;

    private ScoreCalculator() {
    }

    public static UnitScore score(UnitEvidence evidence, IndicatorCatalogue catalogue, LocalDate day) {
        return score(evidence, catalogue, day, Set.of());
    }

    /** As {@link #score(UnitEvidence, IndicatorCatalogue, LocalDate)}, leaving out the {@code excluded} findings. */
    public static UnitScore score(UnitEvidence evidence, IndicatorCatalogue catalogue, LocalDate day,
                                  Set<FindingKey> excluded) {
        PeerGroup group = evidence.unit().peerGroup();
        List<IndicatorResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int noSiteFindingAt = -1;
        for (Indicator indicator : catalogue.indicators()) {
            Judgement j = judge(indicator, evidence, catalogue, day, excluded);
            results.add(j.result());
            if (j.state() == IndicatorState.NO_SITE && noSiteFindingAt < 0) {
                noSiteFindingAt = findings.size();
            }
            findings.addAll(j.findings());
        }
        if (noSiteFindingAt >= 0) {
            findings.add(noSiteFindingAt, NoSite.finding(results, catalogue.noSiteHint()));
        }
        double scored = 0;
        double applicable = 0;
        double kept = 0;
        boolean vetoed = false;
        for (IndicatorResult r : results) {
            if (r.state().counted()) {
                scored += r.weight();
                kept += r.points();
            }
            if (r.state() != IndicatorState.NOT_APPLICABLE) {
                applicable += r.weight();
            }
            vetoed |= r.vetoed();
        }
        double base = scored > 0 ? kept * 100 / scored : 0;
        IndicatorCatalogue.Bonus b = catalogue.bonus();
        double bonus = 0;
        boolean ownsBonusSite = evidence.sites().stream().anyMatch(s -> b.siteKinds().contains(s.kind()));
        if (!vetoed && ownsBonusSite && base > b.aboveTotal()) {
            bonus = Math.min(b.points(), Math.max(0, b.maxTotal() - base));
        }
        double total = round(Math.min(b.maxTotal(), base + bonus));
        boolean rated = evidence.anythingKnown() && applicable > 0
                && scored * 100 / applicable >= catalogue.minScoredWeightPercent();
        Grade grade = vetoed ? Grade.FAIL : !rated ? Grade.NOT_RATED : grade(total, catalogue.grades());
        IndicatorResult bottleneck = results.stream()
                .filter(r -> r.state() == IndicatorState.SCORED && r.shortfall() > 0)
                .max(Comparator.comparingDouble(IndicatorResult::shortfall)
                        .thenComparing(r -> -results.indexOf(r)))
                .orElse(null);
        String bottleneckId = bottleneck == null ? null : bottleneck.id();
        double bottleneckShortfall = bottleneck == null ? 0 : bottleneck.shortfall();
        double noSiteShortfall = NoSite.shortfall(results);
        if (noSiteShortfall > bottleneckShortfall) {
            bottleneckId = NoSite.ID;
            bottleneckShortfall = noSiteShortfall;
        }
        return new UnitScore(evidence.unit().code(), evidence.unit().name(), group, total, round(scored),
                round(bonus), grade, vetoed, List.copyOf(results), List.copyOf(findings), bottleneckId,
                bottleneckShortfall);
    }

    static Grade grade(double total, IndicatorCatalogue.Grades grades) {
        if (total >= grades.excellent()) {
            return Grade.EXCELLENT;
        }
        if (total >= grades.good()) {
            return Grade.GOOD;
        }
        return total >= grades.pass() ? Grade.PASS : Grade.FAIL;
    }

    private static Judgement judge(Indicator ind, UnitEvidence ev, IndicatorCatalogue cat, LocalDate day,
                                   Set<FindingKey> excluded) {
        PeerGroup group = ev.unit().peerGroup();
        if (!ind.appliesTo(group)) {
            return Judgement.notApplicable(ind, "不适用于" + group.label());
        }
        double weight = ind.weightFor(group);
        if (!ind.appliesToKind(ev.unit().kind())) {
            return Judgement.notApplicable(ind, "不适用于该类单位");
        }
        ScoringRule rule = RULES.forType(ind.rule());
        if (ind.rule().website() && ev.sites().isEmpty()) {
            return cat.noSite(group) == IndicatorCatalogue.NoSitePolicy.NOT_APPLICABLE
                    ? Judgement.notApplicable(ind, "本单位没有受监测的网站或网页")
                    : Judgement.noSite(ind, weight);
        }
        if (ind.rule().perSite()) {
            return judgeWorstSite(rule, ind, weight, ev, cat, day, excluded);
        }
        return rule.judge(ind, weight, new ScoringRule.Input(ev, null, cat, day)).excluding(excluded);
    }

    // ---- per-site indicators: one judgement per site, the worst one counts

    private static Judgement judgeWorstSite(ScoringRule rule, Indicator ind, double weight, UnitEvidence ev,
                                            IndicatorCatalogue cat, LocalDate day, Set<FindingKey> excluded) {
        List<Judgement> perSite = new ArrayList<>();
        for (SiteEvidence site : ev.sites()) {
            perSite.add(rule.judge(ind, weight, new ScoringRule.Input(ev, site, cat, day)).excluding(excluded));
        }
        List<Judgement> scored = perSite.stream().filter(j -> j.state() == IndicatorState.SCORED).toList();
        if (scored.isEmpty()) {
            return new Judgement(ind, weight, null)
                    .noData(String.join("；", perSite.stream().map(Judgement::reason).distinct().toList()));
        }
        Judgement worst = scored.stream()
                .min(Comparator.comparing((Judgement s) -> !s.vetoed()).thenComparingDouble(Judgement::points))
                .orElseThrow();
        for (Judgement other : scored) {
            if (other != worst && other.vetoed()) {
                other.findings().stream().filter(f -> f.kind() == FindingKind.VETO).forEach(worst::add);
            }
        }
        if (ev.sites().size() > 1) {
            worst.reason("按最差站点评分：" + worst.siteUrl());
        }
        return worst;
    }

    // ---- helpers

    static double round(double value) {
        return Judgement.round(value);
    }
}
