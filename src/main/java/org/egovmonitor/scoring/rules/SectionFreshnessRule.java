package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * Sections that should update (families with a window and {@code shouldUpdate} in {@code crawlers/sections.yml})
 * whose newest dated item is older than the family's window on the measurement day, or that have none: a deduction
 * each; a veto from {@code vetoAtCoreStale} stale sections of the indicator's {@code families} or from
 * {@code vetoAtShouldUpdateStale} stale sections in all; a warning from {@code warnAtCoreStale}. The window is the
 * catalogue's, read here, at score time. A section whose list shows no dates but whose content was seen unchanged
 * across rounds ({@link SiteMeasurement.Section#unchangedSince()}) is judged as if its newest item were of that day:
 * "栏目无日期，内容自 X 起未变化（N 天）".
 */
public final class SectionFreshnessRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.SECTION_FRESHNESS;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        int stale = 0;
        int coreStale = 0;
        int judged = 0;
        for (SiteMeasurement.Section s : m.sections()) {
            SectionFamily family = cat.sections().family(s.family()).orElse(null);
            if (family == null || family.windowDays() == null || !family.shouldUpdate()) {
                continue;
            }
            judged++;
            // A list without dates is judged by its content: unchanged since a day is as old as that day.
            boolean undated = s.newestDate() == null && s.unchangedSince() != null;
            LocalDate newest = s.newestDate() != null ? s.newestDate() : s.unchangedSince();
            long days = newest == null ? -1 : ChronoUnit.DAYS.between(newest, m.measuredOn());
            if (newest != null && days <= family.windowDays()) {
                continue;
            }
            stale++;
            if (ind.families().contains(family.id())) {
                coreStale++;
            }
            String seen = newest == null ? "栏目“" + s.title() + "”无带日期的信息"
                    : undated ? "栏目“" + s.title() + "”无日期，内容自 " + newest + " 起未变化（" + days + " 天）"
                    : "栏目“" + s.title() + "”最新信息 " + newest + "（已 " + days + " 天）";
            j.deduct(ind.param("pointsPerStaleSection"), seen, family.name() + "类栏目应在 " + family.windowDays()
                            + " 天内更新", "栏目“" + s.title() + "”（" + family.name() + "）超过更新周期未更新",
                    new Evidence(s.url(), newest, s.status(), null));
        }
        String core = SiteMeasurementRule.familyNames(ind, cat);
        String observed = "需更新栏目 " + judged + " 个，超期 " + stale + " 个（其中" + core + " " + coreStale + " 个）";
        j.observed(observed);
        staleSubColumns(j, m, cat);
        double vetoCore = ind.param("vetoAtCoreStale");
        double vetoAll = ind.param("vetoAtShouldUpdateStale");
        String home = SiteMeasurementRule.homepageUrl(m);
        if (coreStale >= vetoCore) {
            j.veto(observed, core + "超期栏目 ≥ " + num(vetoCore) + " 个单项否决",
                    core + "类栏目有 " + coreStale + " 个超期未更新，达到否决线", Evidence.of(home));
        }
        if (stale >= vetoAll) {
            j.veto(observed, "应更新栏目超期 ≥ " + num(vetoAll) + " 个单项否决",
                    "应更新栏目有 " + stale + " 个超期未更新，达到否决线", Evidence.of(home));
        }
        if (!j.vetoed() && coreStale >= ind.param("warnAtCoreStale")) {
            j.warn(observed, core + "超期栏目 ≥ " + num(ind.param("warnAtCoreStale")) + " 个预警（"
                    + num(vetoCore) + " 个否决）", core + "类栏目有 " + coreStale + " 个超期，接近否决线",
                    Evidence.of(home));
        }
    }

    /**
     * A stale sub-column (子栏目) is a finding of its own, at warning level: no points and no part of the veto counts.
     * Its section is already judged by the newest date of its whole tree, so points here would count the same
     * column twice; the warning names the sub-column and its page so the unit can fix it. A sub-column that could
     * not be read, or is blank (see {@link BlankSectionsRule}), is not judged here.
     */
    private static void staleSubColumns(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        for (SiteMeasurement.Section s : m.sections()) {
            SectionFamily family = cat.sections().family(s.family()).orElse(null);
            if (family == null || family.windowDays() == null || !family.shouldUpdate()) {
                continue;
            }
            for (SiteMeasurement.Child c : s.children()) {
                if (c.blank() || c.items() == 0) {
                    continue;
                }
                long days = c.newestDate() == null ? -1 : ChronoUnit.DAYS.between(c.newestDate(), m.measuredOn());
                if (c.newestDate() != null && days <= family.windowDays()) {
                    continue;
                }
                String seen = c.newestDate() == null ? "子栏目“" + c.title() + "”无带日期的信息"
                        : "子栏目“" + c.title() + "”最新信息 " + c.newestDate() + "（已 " + days + " 天）";
                j.warn(seen, family.name() + "类栏目应在 " + family.windowDays() + " 天内更新（子栏目仅预警，不扣分）",
                        "栏目“" + s.title() + "”下的子栏目“" + c.title() + "”超过更新周期未更新",
                        new Evidence(c.url(), c.newestDate(), c.status(), null));
            }
        }
    }
}
