package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;

/**
 * What the four inspection rules share: they judge the results of their checks ({@code crawlers/checks.yml}) as the
 * crawl recorded them. A problem of severity SEVERE is a veto and loses its points, DEDUCT loses its points, WARN is a
 * warning. The checks ran on the crawl day; a measurement in which none of the rule's checks ran (checks turned off,
 * or stored before they existed) has no data for the rule, and a check that could not judge (NOT_CHECKED) loses
 * nothing: its summary says why.
 */
abstract class InspectionCheckRule implements SiteMeasurementRule {

    /** The ids of the checks this rule judges, in report order. */
    abstract List<String> checks();

    /** The points one problem loses (the indicator's params). */
    abstract double points(Indicator indicator, CheckProblem problem);

    /** What the points are for, e.g. "每篇要素不全的办事指南扣 1 分". */
    abstract String threshold(Indicator indicator, CheckProblem problem);

    /**
     * True when a check loses its points once however many problems it found: its DEDUCT problems then make one
     * finding together (the first one's page as evidence, every message in it).
     */
    boolean chargeOncePerCheck() {
        return false;
    }

    /** Extra judgement over the check results after the problems (e.g. a warning on a share). */
    void judgeResults(Judgement j, List<CheckResult> results) {
    }

    /** The finding's page: the problem's page, else the homepage; subclasses may point into the page. */
    String evidenceUrl(CheckProblem problem, SiteMeasurement m) {
        return problem.url() != null ? problem.url() : SiteMeasurementRule.homepageUrl(m);
    }

    @Override
    public final void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        List<CheckResult> results = new ArrayList<>();
        for (String id : checks()) {
            m.check(id).ifPresent(results::add);
        }
        if (results.isEmpty()) {
            j.noData("未检查：本次抓取未运行这些检查（检查规则中已关闭，或抓取早于检查上线）");
            return;
        }
        j.observed(String.join("；", results.stream().map(CheckResult::summary).toList()));
        Indicator ind = j.indicator();
        for (CheckResult r : results) {
            if (r.outcome() == CheckOutcome.NOT_CHECKED) {
                continue;
            }
            for (CheckProblem p : chargeOncePerCheck() ? mergedPerCheck(r.problems()) : r.problems()) {
                Evidence evidence = new Evidence(evidenceUrl(p, m), null, null, null, p.excerpt(), null);
                String message = p.correction() == null ? p.message() : p.message() + "（建议：" + p.correction() + "）";
                switch (p.severity()) {
                    case SEVERE -> {
                        j.veto(p.message(), "严重问题单项否决", message, evidence);
                        deduct(j, ind, p, message, evidence);
                    }
                    case DEDUCT -> deduct(j, ind, p, message, evidence);
                    case WARN -> j.warn(p.message(), "预警", message, evidence);
                    default -> throw new IllegalStateException("unknown severity " + p.severity());
                }
            }
        }
        judgeResults(j, results);
    }

    private void deduct(Judgement j, Indicator ind, CheckProblem p, String message, Evidence evidence) {
        double points = points(ind, p);
        if (points > 0) {
            j.deduct(points, p.message(), threshold(ind, p), message, evidence);
        }
    }

    /** The DEDUCT problems of one check as one (the first's code, page and excerpt), the others as they are. */
    private static List<CheckProblem> mergedPerCheck(List<CheckProblem> problems) {
        List<CheckProblem> deductions = problems.stream().filter(p -> p.severity() == ProblemSeverity.DEDUCT).toList();
        if (deductions.size() < 2) {
            return problems;
        }
        CheckProblem first = deductions.get(0);
        CheckProblem merged = new CheckProblem(first.code(), ProblemSeverity.DEDUCT,
                String.join("；", deductions.stream().map(CheckProblem::message).toList()), first.url(),
                first.excerpt(), first.correction());
        List<CheckProblem> out = new ArrayList<>();
        out.add(merged);
        problems.stream().filter(p -> p.severity() != ProblemSeverity.DEDUCT).forEach(out::add);
        return out;
    }

    /** The first result of {@code id} among {@code results}. */
    static Optional<CheckResult> result(List<CheckResult> results, String id) {
        return results.stream().filter(r -> r.check().equals(id)).findFirst();
    }

    /**
     * A URL that opens {@code url} at {@code text} (a Text Fragment, {@code #:~:text=}): browsers scroll to and mark it,
     * and two hits on one page stay two findings (a finding is keyed by its evidence URL).
     */
    static String textFragment(String url, String text) {
        if (url == null || text == null || text.isBlank()) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        // percent-encoding as the Text Fragments spec wants it: no '+', and '-' ',' '&' escaped
        String encoded = URLEncoder.encode(text.strip(), StandardCharsets.UTF_8).replace("+", "%20")
                .replace("-", "%2D");
        return base + "#:~:text=" + encoded;
    }

    static String points(double p) {
        return num(p);
    }

    static boolean severe(CheckProblem p) {
        return p.severity() == ProblemSeverity.SEVERE;
    }
}
