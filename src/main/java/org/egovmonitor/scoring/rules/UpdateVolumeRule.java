package org.egovmonitor.scoring.rules;

import static org.egovmonitor.scoring.Judgement.num;
import static org.egovmonitor.scoring.Judgement.round;

import java.time.LocalDate;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;

/**
 * Dated items per 30 days across the sections of the indicator's {@code families}: the items within each family's
 * window, scaled to 30 days; {@code pointsPerMissingItem} per item below {@code floorPer30Days}.
 *
 * <p>The window is read once, here, from the catalogue in force: the items are counted from the dates the crawler
 * stored ({@link SiteMeasurement.Section#entryDates()}) against the measurement day, so editing a family's
 * {@code windowDays} in {@code crawlers/sections.yml} between a crawl and a snapshot changes the count and the
 * divisor together. A section stored before its dates were kept ({@code entryDates} null) falls back to the count
 * the crawler made with the window of its crawl day: exactly what it was scored by before, so a rescore of an old
 * day still equals its snapshot.
 */
public final class UpdateVolumeRule implements SiteMeasurementRule {

    @Override
    public RuleType type() {
        return RuleType.UPDATE_VOLUME;
    }

    @Override
    public void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue cat) {
        Indicator ind = j.indicator();
        double volume = 0;
        String firstUrl = null;
        LocalDate newest = null;
        for (SiteMeasurement.Section s : m.sections()) {
            if (!ind.families().contains(s.family())) {
                continue;
            }
            SectionFamily family = cat.sections().family(s.family()).orElseThrow();
            volume += itemsInWindow(s, family.windowDays(), m.measuredOn()) * 30.0 / family.windowDays();
            if (firstUrl == null) {
                firstUrl = s.url();
            }
            if (s.newestDate() != null && (newest == null || s.newestDate().isAfter(newest))) {
                newest = s.newestDate();
            }
        }
        volume = round(volume);
        double floor = ind.param("floorPer30Days");
        String families = SiteMeasurementRule.familyNames(ind, cat);
        String observed = families + "类栏目每 30 天约 " + num(volume) + " 条";
        j.observed(observed);
        if (volume < floor) {
            j.deduct(ind.param("pointsPerMissingItem") * (floor - volume), observed, "每 30 天不少于 " + num(floor)
                            + " 条", firstUrl == null ? "未找到" + families + "类栏目，更新量为 0"
                            : "更新量不足：每 30 天约 " + num(volume) + " 条，低于 " + num(floor) + " 条",
                    new Evidence(firstUrl != null ? firstUrl : SiteMeasurementRule.homepageUrl(m), newest, null,
                            null));
        }
    }

    /** The section's dated items within {@code windowDays} of {@code measuredOn}, counted now (see the class). */
    static int itemsInWindow(SiteMeasurement.Section s, int windowDays, LocalDate measuredOn) {
        if (s.entryDates() == null) {
            return s.itemsInWindow();
        }
        return (int) s.entryDates().stream()
                .filter(d -> ListPageAnalyzer.withinWindow(d, windowDays, measuredOn)).count();
    }
}
