package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;
import static org.egovmonitor.scoring.Judgement.pct;

import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;

/**
 * A site's homepage failure share over the availability probes of the last {@code probeWindowDays} days: deductions
 * per percentage point from {@code deductFromPercent}, a warning from {@code warnAtPercent}, a veto from
 * {@code vetoAtPercent}. Fewer than {@code minSamples} probes is no data. Judged from the probes, not from the crawl.
 */
public final class AvailabilityRule implements ScoringRule {

    @Override
    public RuleType type() {
        return RuleType.AVAILABILITY;
    }

    @Override
    public Judgement judge(Indicator ind, double weight, Input input) {
        UnitEvidence.SiteEvidence site = input.site();
        Judgement j = new Judgement(ind, weight, site.url());
        int window = (int) ind.param(RuleType.PROBE_WINDOW_DAYS);
        int min = (int) ind.param("minSamples");
        if (site.probeSamples() < min || site.probeSamples() == 0) {
            return j.noData("无数据：" + window + " 天内仅 " + site.probeSamples() + " 次可用性探测（至少需 " + min
                    + " 次）");
        }
        double share = site.probeFailures() * 100.0 / site.probeSamples();
        String observed = window + " 天探测 " + site.probeSamples() + " 次，失败 " + site.probeFailures() + " 次（"
                + pct(share) + "）";
        j.observed(observed);
        UnitEvidence.ProbeFailure last = site.lastFailure();
        Evidence evidence = last == null ? Evidence.of(site.url())
                : new Evidence(last.url(), last.on(), last.status(), last.errorKind());
        double vetoAt = ind.param("vetoAtPercent");
        double deductFrom = ind.param("deductFromPercent");
        double warnAt = ind.param("warnAtPercent");
        if (share >= deductFrom) {
            j.deduct(ind.param("pointsPerPercent") * share, observed, "失败率 ≥ " + num(deductFrom) + "% 扣分（每 1% 扣 "
                    + num(ind.param("pointsPerPercent")) + " 分）", "首页探测失败率 " + pct(share) + "，网站不能稳定访问",
                    evidence);
        }
        if (share >= vetoAt) {
            j.veto(observed, "失败率 ≥ " + num(vetoAt) + "% 单项否决", "首页 " + window + " 天探测失败率 " + pct(share)
                    + "，达到否决线", evidence);
        } else if (share >= warnAt) {
            j.warn(observed, "失败率 ≥ " + num(warnAt) + "% 预警（" + num(vetoAt) + "% 否决）",
                    "首页探测失败率 " + pct(share) + "，接近否决线", evidence);
        }
        return j;
    }
}
