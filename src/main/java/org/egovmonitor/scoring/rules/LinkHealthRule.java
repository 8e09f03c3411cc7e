package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.util.List;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/** Broken homepage links: {@code pointsPerBrokenLink} each, a warning from {@code warnAt}. */
public final class LinkHealthRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.LINK_HEALTH;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        List<SiteMeasurement.BrokenLink> broken = m.brokenLinks() == null ? List.of() : m.brokenLinks();
        String observed = "首页错误链接 " + broken.size() + " 个"
                + (m.linkSample().sampled() ? "（" + m.linkSample().label() + "）" : "");
        j.observed(observed);
        for (SiteMeasurement.BrokenLink link : broken) {
            String what = link.status() != null ? "HTTP " + link.status() : link.error();
            j.deduct(ind.param("pointsPerBrokenLink"), "链接不可用（" + what + "）", "每个首页错误链接扣 "
                    + num(ind.param("pointsPerBrokenLink")) + " 分", "首页链接 " + link.url() + " 不可用（" + what + "）",
                    new Evidence(link.url(), null, link.status(), link.error()));
        }
        if (!broken.isEmpty() && broken.size() >= ind.param("warnAt")) {
            j.warn(observed, "错误链接 ≥ " + num(ind.param("warnAt")) + " 个预警", "首页有 " + broken.size()
                    + " 个错误链接", Evidence.of(SiteMeasurementRule.homepageUrl(m)));
        }
    }
}
