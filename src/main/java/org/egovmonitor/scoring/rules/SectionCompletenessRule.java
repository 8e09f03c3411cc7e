package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.util.List;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * Required section families (for the site's kind) the crawler found no section for: {@code pointsPerMissing} each, a
 * warning from {@code warnAtMissing}.
 */
public final class SectionCompletenessRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.SECTION_COMPLETENESS;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        List<String> missing = m.missingFamilies() == null ? List.of() : m.missingFamilies();
        String home = SiteMeasurementRule.homepageUrl(m);
        String observed = "缺少必设栏目 " + missing.size() + " 个";
        j.observed(observed);
        for (String id : missing) {
            String name = cat.sections().family(id).map(SectionFamily::name).orElse(id);
            j.deduct(ind.param("pointsPerMissing"), "首页未找到“" + name + "”栏目", SiteKind.labelOf(m.kind()) + "必设栏目",
                    "缺少必设栏目“" + name + "”", new Evidence(home, null, m.status(), null));
        }
        if (!missing.isEmpty() && missing.size() >= ind.param("warnAtMissing")) {
            j.warn(observed, "缺少必设栏目 ≥ " + num(ind.param("warnAtMissing")) + " 个预警",
                    "缺少必设栏目 " + missing.size() + " 个", Evidence.of(home));
        }
    }
}
