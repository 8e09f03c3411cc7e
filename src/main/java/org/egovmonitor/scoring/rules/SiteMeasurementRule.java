package org.egovmonitor.scoring.rules;

import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringRule;

/**
 * A website rule that judges a site's crawl measurement. A site without a usable measurement has no data for every
 * such rule alike: none yet, one older than {@code maxMeasurementAgeDays} before the scoring day, or one whose
 * homepage was unreachable (that is availability's business, not content's). Content is judged against the
 * measurement's own day ({@code measuredOn}): the evidence is what the crawler saw that day.
 */
public interface SiteMeasurementRule extends ScoringRule {

    /** Judges a usable measurement of the site into {@code j}. */
    void judge(Judgement j, SiteMeasurement m, IndicatorCatalogue catalogue);

    @Override
    default Judgement judge(Indicator indicator, double weight, Input input) {
        Judgement j = new Judgement(indicator, weight, input.site().url());
        SiteMeasurement m = input.site().measurement();
        IndicatorCatalogue cat = input.catalogue();
        if (m == null) {
            String why = input.site().missingReason();
            return j.noData("未监测：" + (why == null ? "尚无抓取结果" : why));
        }
        if (m.measuredOn() == null || m.measuredOn().isBefore(input.day().minusDays(cat.maxMeasurementAgeDays()))) {
            return j.noData("未监测：最近一次抓取在 " + m.measuredOn() + "，早于评分日 " + cat.maxMeasurementAgeDays()
                    + " 天以上");
        }
        if (!m.reachable()) {
            return j.noData("未监测：最近一次抓取首页不可达（HTTP " + m.status() + (m.errorKind() == null ? ""
                    : "，" + m.errorKind()) + "），可用性见“网站可用性”");
        }
        judge(j, m, cat);
        return j.withEvidence(e -> withSnapshot(e, m));
    }

    /**
     * {@code e} with the snapshot of its page, when the measurement fetched that page (its URL or where it ended
     * after redirects, a {@code #fragment} such as a wording hit's {@code #:~:text=} ignored) and kept its bytes: the
     * page as the crawler saw it, which settles a dispute after the site changed. The first such fetch wins (the
     * homepage before a check's GET of the same address).
     */
    static Evidence withSnapshot(Evidence e, SiteMeasurement m) {
        if (e == null || e.url() == null || e.snapshot() != null || m.fetches().isEmpty()) {
            return e;
        }
        String url = withoutFragment(e.url());
        String normalized = UrlNormalizer.normalize(url).orElse(url);
        for (SiteMeasurement.Fetch f : m.fetches()) {
            if (f.sha256() != null && (same(url, normalized, f.url()) || same(url, normalized, f.finalUrl()))) {
                return e.withSnapshot(f.sha256());
            }
        }
        return e;
    }

    private static boolean same(String url, String normalized, String fetched) {
        if (fetched == null) {
            return false;
        }
        String f = withoutFragment(fetched);
        return f.equals(url) || UrlNormalizer.normalize(f).orElse(f).equals(normalized);
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The homepage as finally reached (after redirects), else the site root asked for. */
    static String homepageUrl(SiteMeasurement m) {
        return m.finalUrl() != null ? m.finalUrl() : m.url();
    }

    /** The names of the indicator's section families, joined with "/" (e.g. 动态/通知/政策). */
    static String familyNames(Indicator ind, IndicatorCatalogue cat) {
        return String.join("/", ind.families().stream()
                .map(id -> cat.sections().family(id).map(f -> f.name()).orElse(id)).toList());
    }
}
