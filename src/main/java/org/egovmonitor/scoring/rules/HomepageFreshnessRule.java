package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * Days from the homepage's newest dated item to the measurement day: deductions per day after
 * {@code deductAfterDays}, a warning from {@code warnAtDays}, a veto after {@code vetoAfterDays}. A homepage without
 * any dated item loses everything and is vetoed: undated content never counts as an update.
 */
public final class HomepageFreshnessRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.HOMEPAGE_FRESHNESS;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        String home = SiteMeasurementRule.homepageUrl(m);
        double vetoAfter = ind.param("vetoAfterDays");
        LocalDate newest = m.homepage() == null ? null : m.homepage().newestDate();
        String via = m.homepage() != null && m.homepage().navOnly() ? "（导航型首页，按二级页面判断）" : "";
        if (newest == null) {
            String observed = "首页无带日期的信息" + via;
            j.observed(observed);
            Evidence evidence = new Evidence(home, null, m.status(), null);
            j.deduct(j.weight(), observed, "超过 " + num(vetoAfter) + " 天未更新即否决",
                    "首页没有任何带日期的信息，无法确认更新（无日期的内容不计为更新）", evidence);
            j.veto(observed, "超过 " + num(vetoAfter) + " 天未更新即否决", "首页未发现带日期的更新", evidence);
            return;
        }
        long days = ChronoUnit.DAYS.between(newest, m.measuredOn());
        String observed = "首页最新信息 " + newest + "（抓取时已 " + days + " 天）" + via;
        j.observed(observed);
        Evidence evidence = new Evidence(home, newest, m.status(), null);
        double deductAfter = ind.param("deductAfterDays");
        if (days > deductAfter) {
            j.deduct(ind.param("pointsPerDay") * (days - deductAfter), observed, "超过 " + num(deductAfter)
                    + " 天未更新，每天扣 " + num(ind.param("pointsPerDay")) + " 分", "首页已 " + days + " 天未更新", evidence);
        }
        if (days > vetoAfter) {
            j.veto(observed, "超过 " + num(vetoAfter) + " 天未更新即否决", "首页已 " + days + " 天未更新，达到否决线",
                    evidence);
        } else if (days >= ind.param("warnAtDays")) {
            j.warn(observed, num(ind.param("warnAtDays")) + " 天未更新预警（超过 " + num(vetoAfter) + " 天否决）",
                    "首页已 " + days + " 天未更新，即将达到否决线", evidence);
        }
    }
}
