package org.egovmonitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One indicator being judged (of a unit, or of one of its sites): what a {@link ScoringRule} fills in and
 * {@link ScoreCalculator} totals. Its findings add up to exactly what it loses: a deduction
 * past the weight is recorded with the points that were still left (possibly 0), so its evidence is never dropped.
 */
public final class Judgement {

    private final Indicator indicator;
    private final double weight;
    private final String siteUrl;
    private final List<Finding> findings = new ArrayList<>();
    private IndicatorState state = IndicatorState.SCORED;
    private String observed = "";
    private String reason;
    private double deducted;
    private boolean vetoed;

    /** A SCORED judgement at full marks, of a site when {@code siteUrl} is not null. */
    public Judgement(Indicator indicator, double weight, String siteUrl) {
        this.indicator = indicator;
        this.weight = weight;
        this.siteUrl = siteUrl;
    }

    public static Judgement notApplicable(Indicator indicator, String reason) {
        Judgement j = new Judgement(indicator, 0, null);
        j.state = IndicatorState.NOT_APPLICABLE;
        j.reason = reason;
        return j;
    }

    /**
     * A site-based indicator of a unit without any monitored site, scored zero by the no-site policy. It carries no
     * finding of its own: the calculator reports all of them as one ({@link NoSite}).
     */
    public static Judgement noSite(Indicator indicator, double weight) {
        Judgement j = new Judgement(indicator, weight, null);
        j.state = IndicatorState.NO_SITE;
        j.observed = "无网站";
        j.reason = "本单位没有受监测的网站或网页，本项计 0 分";
        return j;
    }

    /** No data: left out of the total, its findings dropped. */
    public Judgement noData(String why) {
        state = IndicatorState.NO_DATA;
        reason = why;
        findings.clear();
        return this;
    }

    public void deduct(double points, String seen, String threshold, String message, Evidence evidence) {
        double wanted = round(points);
        double taken = round(Math.min(wanted, weight - deducted));
        deducted = round(deducted + taken);
        String text = taken < wanted ? message + "（本项扣分已达上限 " + num(weight) + " 分）" : message;
        findings.add(new Finding(indicator.id(), FindingKind.DEDUCTION, taken, seen, threshold, text,
                indicator.hint(), siteUrl, evidence));
    }

    public void veto(String seen, String threshold, String message, Evidence evidence) {
        vetoed = true;
        findings.add(new Finding(indicator.id(), FindingKind.VETO, 0, seen, threshold, message, indicator.hint(),
                siteUrl, evidence));
    }

    public void warn(String seen, String threshold, String message, Evidence evidence) {
        findings.add(new Finding(indicator.id(), FindingKind.WARNING, 0, seen, threshold, message,
                indicator.hint(), siteUrl, evidence));
    }

    /** Adds a finding of another judgement of the same indicator (a veto of a site that was not the worst). */
    public void add(Finding finding) {
        findings.add(finding);
    }

    /**
     * Leaves out the findings an accepted appeal excluded: their points are given back and their veto lifted. A
     * deduction that was recorded at 0 because an excluded one had used up the weight stays at 0.
     */
    public Judgement excluding(Set<FindingKey> excluded) {
        if (excluded.isEmpty() || !findings.removeIf(f -> excluded.contains(FindingKey.of(f)))) {
            return this;
        }
        deducted = round(findings.stream().filter(f -> f.kind() == FindingKind.DEDUCTION)
                .mapToDouble(Finding::points).sum());
        vetoed = findings.stream().anyMatch(f -> f.kind() == FindingKind.VETO);
        return this;
    }

    /**
     * This judgement with every finding's evidence passed through {@code change} (e.g. the page's snapshot attached):
     * findings are records, so the list is rebuilt, in order, points and kinds as they were.
     */
    public Judgement withEvidence(java.util.function.UnaryOperator<Evidence> change) {
        findings.replaceAll(f -> {
            Evidence e = change.apply(f.evidence());
            return e == f.evidence() ? f : new Finding(f.indicator(), f.kind(), f.points(), f.observed(),
                    f.threshold(), f.message(), f.hint(), f.siteUrl(), e);
        });
        return this;
    }

    public Indicator indicator() {
        return indicator;
    }

    public double weight() {
        return weight;
    }

    public String siteUrl() {
        return siteUrl;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public IndicatorState state() {
        return state;
    }

    public String observed() {
        return observed;
    }

    /** The key observation in words (e.g. 7 天探测失败率 2.50%). */
    public void observed(String text) {
        observed = text;
    }

    public String reason() {
        return reason;
    }

    /** Why it is NOT_APPLICABLE or NO_DATA, or which site was judged. */
    public void reason(String text) {
        reason = text;
    }

    public boolean vetoed() {
        return vetoed;
    }

    public double points() {
        return state == IndicatorState.SCORED ? round(Math.max(0, weight - deducted)) : 0;
    }

    public IndicatorResult result() {
        double points = points();
        double shortfall = state.counted() ? round(weight - points) : 0;
        return new IndicatorResult(indicator.id(), indicator.name(), indicator.group(), state, weight, points,
                shortfall, observed, reason, vetoed && state == IndicatorState.SCORED);
    }

    /** Points are kept to two decimals everywhere, so that findings add up exactly to what is lost. */
    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A number as shown in a finding: integers without decimals, others with at most two. */
    public static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("0$", "");
    }

    /** A share as shown in a finding: two decimals and a percent sign. */
    public static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share);
    }
}
