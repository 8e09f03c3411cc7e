package org.egovmonitor.jobs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.observations.ProbeDao;
import org.egovmonitor.observations.SiteAvailability;
import org.egovmonitor.platform.BoundedFanOut;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.SiteDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The homepage availability probe: one GET of every monitored site's homepage under the fetcher's wall-clock deadline
 * (15 s by default), one row in availability_probes per site. A site is up when a response with a status below 400
 * arrived in time, even if it was not usable HTML (NOT_HTML, TOO_LARGE); every other outcome is down, with its error
 * kind, except QUEUE_TIMEOUT: a request that never left our politeness queue (a host shared by many sites, busy with
 * a crawl) says nothing about the site, so no row is written and the site is counted as not probed.
 */
public class AvailabilityProber {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityProber.class);

    /** The outcome of one probe run. */
    public record Summary(int sites, int up, int down, int errors, int notProbed) {
    }

    private final Jdbi jdbi;
    private final PageFetcher fetcher;
    private final Clock clock;
    private final int concurrency;

    public AvailabilityProber(Jdbi jdbi, PageFetcher fetcher, Clock clock, int concurrency) {
        this.jdbi = jdbi;
        this.fetcher = fetcher;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    public Summary probeAll(long runId, RunRecorder runs) throws InterruptedException {
        List<Site> sites = jdbi.withExtension(SiteDao.class, d -> d.list(null, null, true));
        runs.total(runId, sites.size());
        AtomicInteger up = new AtomicInteger();
        AtomicInteger down = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger notProbed = new AtomicInteger();
        try {
            new BoundedFanOut("availability-probe", Math.max(1, concurrency)).forEach(sites, site -> {
                try {
                    Boolean isUp = probe(site);
                    (isUp == null ? notProbed : isUp ? up : down).incrementAndGet();
                    runs.progress(runId, 1, 0);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    runs.progress(runId, 1, 1);
                    // the office reads the reason; the exception is for whoever reads the log
                    LOG.warn("availability probe of {} failed", site.url(), e);
                    runs.failure(runId, site.url(), Messages.get("failure.probe"));
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Summary(sites.size(), up.get(), down.get(), errors.get(), notProbed.get());
    }

    /** Probes one site and records the row; returns whether it was up, or null when it was never requested. */
    Boolean probe(Site site) {
        Instant at = clock.instant();
        FetchResult r = fetcher.get(URI.create(site.url()));
        if (r.error() == FetchErrorKind.QUEUE_TIMEOUT) {
            LOG.info("availability probe of {} not sent: {}", site.url(), r.errorDetail());
            return null;
        }
        boolean isUp = isUp(r);
        jdbi.useExtension(ProbeDao.class, d -> d.addAvailability(site.id(), at, isUp, r.status(), r.responseMs(),
                isUp || r.error() == null ? null : r.error().name(), site.url()));
        return isUp;
    }

    static boolean isUp(FetchResult r) {
        if (r.ok()) {
            return true;
        }
        return r.status() > 0 && r.status() < 400
                && (r.error() == FetchErrorKind.NOT_HTML || r.error() == FetchErrorKind.TOO_LARGE);
    }

    /** Probes and failures per monitored site over the last {@code window}. */
    public List<SiteAvailability> failureShares(Duration window) {
        return failureShares(window, null);
    }

    /** The same for one unit's monitored sites ({@code unitCode} null: every unit's). */
    public List<SiteAvailability> failureShares(Duration window, String unitCode) {
        Instant since = clock.instant().minus(window);
        return jdbi.withExtension(ProbeDao.class, d -> d.availabilitySince(since, unitCode));
    }
}
