package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.util.List;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * Blank sections (no items, or only a placeholder such as 暂无信息): {@code pointsPerBlank} each, a warning above
 * {@code warnAbove}, a veto from {@code vetoAt}. A blank sub-column is a warning only.
 */
public final class BlankSectionsRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.BLANK_SECTIONS;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        List<SiteMeasurement.Section> blank = m.sections().stream().filter(SiteMeasurement.Section::blank).toList();
        String observed = "空白栏目 " + blank.size() + " 个";
        j.observed(observed);
        for (SiteMeasurement.Section s : blank) {
            j.deduct(ind.param("pointsPerBlank"), "栏目“" + s.title() + "”无内容", "每个空白栏目扣 "
                    + num(ind.param("pointsPerBlank")) + " 分", "栏目“" + s.title() + "”为空白栏目",
                    new Evidence(s.url(), null, s.status(), null));
        }
        // A blank sub-column is a finding of its own, at warning level (no points, outside the veto count): the rules
        // judge every column, but its section is already judged, blank only when its whole tree is.
        for (SiteMeasurement.Section s : m.sections()) {
            for (SiteMeasurement.Child c : s.children()) {
                if (c.blank()) {
                    j.warn("子栏目“" + c.title() + "”无内容", "空白子栏目预警（不扣分）",
                            "栏目“" + s.title() + "”下的子栏目“" + c.title() + "”为空白栏目",
                            new Evidence(c.url(), null, c.status(), null));
                }
            }
        }
        String home = SiteMeasurementRule.homepageUrl(m);
        double vetoAt = ind.param("vetoAt");
        if (blank.size() >= vetoAt) {
            j.veto(observed, "空白栏目 ≥ " + num(vetoAt) + " 个单项否决", "空白栏目 " + blank.size() + " 个，达到否决线",
                    Evidence.of(home));
        } else if (blank.size() > ind.param("warnAbove")) {
            j.warn(observed, "空白栏目超过 " + num(ind.param("warnAbove")) + " 个预警（" + num(vetoAt) + " 个否决）",
                    "空白栏目 " + blank.size() + " 个，接近否决线", Evidence.of(home));
        }
    }
}
