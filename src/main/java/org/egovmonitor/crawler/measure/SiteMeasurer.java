package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import org.egovmonitor.crawler.inspect.SiteContext;
import org.egovmonitor.registry.SiteKind;

/**
 * Measures one website: fetches the homepage, classifies its sections, fetches each section's list page, extracts
 * dated items, checks the homepage's links. Never throws for a bad site: an unreachable or hostile site is a
 * measurement with {@code reachable=false} and an error kind. Thread-safe; callers measure many sites in parallel.
 */
public interface SiteMeasurer {

    /**
     * @param siteRoot the registered site URL
     * @param kind     decides which section families are required
     * @param now      the day freshness is judged against (injectable for tests and back-dated runs)
     */
    SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now);

    /**
     * Measures with what the registry knows of the site's unit (its name, its leaders), which the inspection checks
     * read; a measurer without checks ignores it.
     */
    default SiteMeasurement measure(URI siteRoot, SiteKind kind, LocalDate now, SiteContext context) {
        return measure(siteRoot, kind, now);
    }
}
