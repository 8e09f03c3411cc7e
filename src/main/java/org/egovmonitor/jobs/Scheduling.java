package org.egovmonitor.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.jdbi.v3.core.Jdbi;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of one node's scheduling, wired: the Quartz member, the crawl workers, the probe services and the
 * services the API reads. {@link #manage} registers them so that they stop before the pool (and the embedded
 * database) they use: scheduler first, then workers, then the probe fetcher and the crawl stage.
 */
public final class Scheduling {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);

    private final SchedulerConfiguration config;
    private final ClusteredScheduler scheduler;
    private final CrawlWorkerPool workers;
    private final CrawlRounds rounds;
    private final RunRecorder runs;
    private final JobsService jobs;
    private final AvailabilityProber availability;
    private final HttpPageFetcher probeFetcher;
    private final CrawlStage stage;

    private Scheduling(SchedulerConfiguration config, ClusteredScheduler scheduler, CrawlWorkerPool workers,
                       CrawlRounds rounds, RunRecorder runs, JobsService jobs, AvailabilityProber availability,
                       HttpPageFetcher probeFetcher, CrawlStage stage) {
        this.config = config;
        this.scheduler = scheduler;
        this.workers = workers;
        this.rounds = rounds;
        this.runs = runs;
        this.jobs = jobs;
        this.availability = availability;
        this.probeFetcher = probeFetcher;
        this.stage = stage;
    }

    /**
     * A node's scheduling. Work a node does not do is passed as the task's {@code NONE} (commands and tests): its
     * runs record a no-op.
     */
    public static Scheduling create(SchedulerConfiguration config, ZoneId zone, Clock clock, Jdbi jdbi,
                                    DataSource dataSource, FetchSettings crawlSettings, HostGates politeness,
                                    CrawlStage stage, ScoreSnapshotJob.Task snapshot, RetentionJob.Task retention,
                                    BulletinJob.Task bulletins, AlertHooks alerts) throws SchedulerException {
        RunRecorder runs = new RunRecorder(jdbi);
        CrawlWorkerSizing.NodeLimits limits = nodeLimits(config, dataSource);
        CrawlRounds rounds = new CrawlRounds(jdbi, clock, config, limits);
        HttpPageFetcher probeFetcher = new HttpPageFetcher(crawlSettings.withDeadline(
                config.getAvailabilityTimeout().toMilliseconds()), politeness);
        AvailabilityProber availability = new AvailabilityProber(jdbi, probeFetcher, clock,
                config.getProbeConcurrency());
        NodeProber nodes = new NodeProber(jdbi, clock, (int) config.getNodeProbeTimeout().toMilliseconds(),
                config.getProbeConcurrency());
        CrawlWorkerPool[] workerRef = new CrawlWorkerPool[1];
        Runnable wake = () -> {
            if (workerRef[0] != null) {
                workerRef[0].wake();
            }
        };
        Map<Class<? extends Job>, Supplier<? extends Job>> factories = Map.of(
                CrawlRoundJob.class, () -> new CrawlRoundJob(rounds, runs, wake, stage.ready()),
                AvailabilityProbeJob.class, () -> new AvailabilityProbeJob(availability, alerts, runs),
                NodeProbeJob.class, () -> new NodeProbeJob(nodes, runs),
                ScoreSnapshotJob.class, () -> new ScoreSnapshotJob(snapshot, runs),
                RetentionJob.class, () -> new RetentionJob(retention, runs),
                AlertDeliveryJob.class, () -> new AlertDeliveryJob(alerts, runs),
                BulletinJob.class, () -> new BulletinJob(bulletins, runs));
        ClusteredScheduler scheduler = ClusteredScheduler.create(config, zone, dataSource,
                new ServiceJobFactory(factories));
        rounds.onFinish((roundId, runId) -> {
            JobDataMap data = new JobDataMap();
            data.put(ScoreSnapshotJob.ROUND, Long.toString(roundId));
            try {
                scheduler.trigger(JobName.SCORE_SNAPSHOT, "FOLLOW_UP", data);
            } catch (SchedulerException e) {
                LOG.error("Round {} finished but the score snapshot could not be triggered", roundId, e);
            }
        });
        if (config.isEnabled() && stage.ready() && config.fixedCrawlWorkers().orElse(1) > 0) {
            workerRef[0] = new CrawlWorkerPool(scheduler.nodeId(), config, jdbi, stage.measurer(), stage.store(),
                    rounds, clock);
        }
        // Only a node that works rounds starts one itself; a round nobody works would block every later one.
        JobsService.RoundStarter startRound = workerRef[0] == null ? null : (unitCode, cause) -> {
            CrawlRounds.Started started = rounds.start(unitCode, scheduler.nodeId(), cause, clock.instant());
            wake.run();
            return started;
        };
        return new Scheduling(config, scheduler, workerRef[0], rounds, runs,
                new JobsService(scheduler, jdbi, startRound, clock),
                availability, probeFetcher, stage);
    }

    /** Connections assumed for a data source that is not a pool (some tests hand one in). */
    private static final int UNPOOLED_CONNECTIONS = 10;

    /** What this node can afford for crawl workers: its database pool and its heap. */
    public static CrawlWorkerSizing.NodeLimits nodeLimits(SchedulerConfiguration config, DataSource dataSource) {
        int pool = dataSource instanceof org.apache.tomcat.jdbc.pool.DataSourceProxy p ? p.getMaxActive()
                : UNPOOLED_CONNECTIONS;
        return CrawlWorkerSizing.NodeLimits.ofThisJvm(pool, config.getCrawlWorkerHeap().toBytes());
    }

    /** The most crawl workers this node runs at once: the fixed number, or the {@code auto} ceiling. */
    public static int workerCeiling(SchedulerConfiguration config, CrawlWorkerSizing.NodeLimits limits) {
        return config.fixedCrawlWorkers().orElse(limits.ceiling());
    }

    /** Registers the lifecycle: Dropwizard stops in reverse order, so the scheduler stops first. */
    public void manage(LifecycleEnvironment lifecycle) {
        lifecycle.manage(new Managed() {
            @Override
            public void stop() {
                probeFetcher.close();
                stage.close();
            }
        });
        if (workers != null) {
            lifecycle.manage(workers);
        }
        lifecycle.manage(new Managed() {
            @Override
            public void start() throws Exception {
                if (config.isEnabled()) {
                    scheduler.start();
                } else {
                    // a web-only node: it can list and trigger jobs, other nodes run them
                    scheduler.storeJobs();
                    LOG.info("Scheduler disabled on this node: jobs run on the other nodes");
                }
            }

            @Override
            public void stop() throws Exception {
                scheduler.stop();
            }
        });
    }

    /** For commands that never start the scheduler: releases its threads, the probe fetcher and the stage. */
    public void close() {
        try {
            scheduler.scheduler().shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("Scheduler shutdown failed: {}", e.toString());
        }
        probeFetcher.close();
        stage.close();
    }

    /** The demo's first round: asked for as soon as the scheduler runs. */
    public void crawlAtStart() {
        scheduler.afterStart(() -> {
            try {
                scheduler.trigger(JobName.CRAWL_ROUND, "STARTUP", null);
            } catch (SchedulerException e) {
                LOG.error("Could not trigger the first crawl round", e);
            }
        });
    }

    public SchedulerConfiguration config() {
        return config;
    }

    public ClusteredScheduler scheduler() {
        return scheduler;
    }

    public CrawlWorkerPool workers() {
        return workers;
    }

    public CrawlRounds rounds() {
        return rounds;
    }

    public RunRecorder runs() {
        return runs;
    }

    public JobsService jobs() {
        return jobs;
    }

    public AvailabilityProber availability() {
        return availability;
    }
}
