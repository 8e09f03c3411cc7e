package org.egovmonitor.testing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurer;

/**
 * Scheduling-test double, not a measurer: it really GETs the site's homepage over HTTP (robots.txt included) and
 * returns reachable/status/finalUrl, nothing else. The scheduling tests need real, slow-ish, per-site work with a
 * real network outcome; sections, dates and links are the measurement engine's job and its tests'. The app loads
 * it by name through {@code scheduler.measurerClass} until the engine is merged.
 */
public final class HomepageOnlyMeasurer implements SiteMeasurer, AutoCloseable {

    private final HttpPageFetcher fetcher;

    public HomepageOnlyMeasurer(FetchSettings settings) {
        this.fetcher = new HttpPageFetcher(settings);
    }

    @Override
    public SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now) {
        FetchResult r = fetcher.get(siteRoot);
        List<SiteMeasurement.CrawlError> errors = r.ok() ? List.of()
                : List.of(new SiteMeasurement.CrawlError(r.url(), r.error().name()));
        return new SiteMeasurement(siteRoot.toString(), r.status() == 0 ? null : r.finalUrl(), kind.name(), r.ok(),
                r.status(), r.responseMs(), null, r.ok() ? null : r.error().name(), null, List.of(), List.of(),
                List.of(), 1, errors, null, now, List.of(), List.of(), 0);
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
