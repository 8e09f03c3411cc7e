package org.egovmonitor.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.EvidenceSink;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.observations.ObservationStore;
import org.jdbi.v3.core.Jdbi;
import org.quartz.SchedulerException;

/**
 * One node's crawl machinery, built the same way for the server and for {@code crawl-now}: the crawl settings (the
 * scheduler's own file or the crawler folder's crawl.yml, the global limit sized with this node's crawl workers), the
 * node's one per-host politeness ({@link HostGates}, shared by the crawl, the availability probe and any other
 * fetcher of the node), the measurement stage over the observation store, and the scheduling around them.
 *
 * <p>It owns the closing order: the scheduling (its probe fetcher and the measurement engine's fetcher), then the
 * other fetchers made here, then the gates, which hold the node's one HTTP client.
 */
public final class CrawlMachinery implements AutoCloseable {

    private final SchedulerConfiguration config;
    private final CrawlSettings settings;
    private final HostGates gates;
    private final CrawlStage stage;
    private final List<HttpPageFetcher> fetchers = new ArrayList<>();
    private Scheduling scheduling;
    private LifecycleEnvironment lifecycle;

    private CrawlMachinery(SchedulerConfiguration config, CrawlSettings settings, HostGates gates, CrawlStage stage) {
        this.config = config;
        this.settings = settings;
        this.gates = gates;
        this.stage = stage;
    }

    /**
     * Builds the machinery from the crawler files and the scheduler configuration; {@code reach} adjusts every
     * fetch setting of the node (the server's own ports guarded, the demo's farm reachable).
     */
    public static CrawlMachinery build(CrawlerFiles files, SchedulerConfiguration config, DataSource dataSource,
                                       UnaryOperator<FetchSettings> reach, ObservationStore observations) {
        int workers = Scheduling.workerCeiling(config, Scheduling.nodeLimits(config, dataSource));
        CrawlSettings settings = CrawlSettingsFile.load(config, files.crawl())
                .withFetch(f -> reach.apply(CrawlSettingsFile.forWorkers(f, workers)));
        HostGates gates = new HostGates(settings.fetch());
        CrawlStage stage = new CrawlStage(MeasurementEngine.withChecks(settings, gates, files.sections(),
                SiteChecks.of(files.checks()), observations == null ? EvidenceSink.NONE : observations.evidence()),
                observations);
        return new CrawlMachinery(config, settings, gates, stage);
    }

    /** The node's crawl settings, as its fetchers use them. */
    public CrawlSettings settings() {
        return settings;
    }

    public CrawlStage stage() {
        return stage;
    }

    /** A fetcher of other work (e.g. portal collection) sharing the node's politeness; closed before the gates. */
    public synchronized HttpPageFetcher fetcher(FetchSettings fetchSettings) {
        HttpPageFetcher fetcher = new HttpPageFetcher(fetchSettings, gates);
        fetchers.add(fetcher);
        return fetcher;
    }

    /**
     * The scheduling of this node's jobs around the machinery (made once); on a server ({@link #manage}) it is
     * registered with the lifecycle after the machinery, so it stops before the fetchers and gates close.
     */
    public synchronized Scheduling scheduling(ZoneId zone, Clock clock, Jdbi jdbi, DataSource dataSource,
                                              ScoreSnapshotJob.Task snapshot, RetentionJob.Task retention,
                                              BulletinJob.Task bulletins, AlertHooks alerts)
            throws SchedulerException {
        if (scheduling != null) {
            throw new IllegalStateException("the scheduling is already made");
        }
        scheduling = Scheduling.create(config, zone, clock, jdbi, dataSource, settings.fetch(), gates, stage,
                snapshot, retention, bulletins, alerts);
        if (lifecycle != null) {
            scheduling.manage(lifecycle);
        }
        return scheduling;
    }

    /**
     * Registers the machinery with a server's lifecycle, before anything that fetches through it: Dropwizard stops
     * in reverse order, so the scheduling made afterwards stops first (its probe fetcher and the engine close with
     * it), then the fetchers made here close, then the gates.
     */
    public synchronized void manage(LifecycleEnvironment lifecycle) {
        this.lifecycle = lifecycle;
        lifecycle.manage(new Managed() {
            @Override
            public void stop() {
                closeFetchersAndGates();
            }
        });
    }

    /** For commands that never start a server: the scheduling, then the fetchers made here, then the gates. */
    @Override
    public void close() {
        if (scheduling != null) {
            scheduling.close();
        }
        closeFetchersAndGates();
    }

    private synchronized void closeFetchersAndGates() {
        if (scheduling == null) {
            stage.close(); // no scheduling closed the engine's fetcher
        }
        fetchers.forEach(HttpPageFetcher::close);
        gates.close();
    }
}
