package org.egovmonitor.jobs;

import io.dropwizard.util.Duration;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurer;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/** Failed attempts: retried after a backoff, FAILED with the error after maxAttempts; the round still finishes. */
class CrawlRetryTest {

    @Test
    void crawlItem_measurerThrowsEveryTime_failedAfterMaxAttemptsWithError() throws Exception {
        try (SiteFarm farm = SchedulingFixtures.farm(5, 33, java.time.Duration.ZERO);
             MeasurementEngine real = new MeasurementEngine(
                     CrawlSettingsFile.load(settings(), CrawlSettings.defaults()), CrawlerFiles.defaultCatalog())) {
            TestPostgres.TestDatabase db = TestPostgres.newDatabase();
            Jdbi jdbi = db.jdbi();
            SchedulingFixtures.register(jdbi, farm);
            String broken = farm.url(farm.hosts().iterator().next());
            AtomicBoolean flakyOnce = new AtomicBoolean(true);
            String flaky = farm.url(farm.hosts().stream().skip(1).findFirst().orElseThrow());
            SiteMeasurer measurer = (URI root, SiteKind kind, LocalDate now) -> {
                if (root.toString().equals(broken)) {
                    throw new IllegalStateException("parser exploded");
                }
                if (root.toString().equals(flaky) && flakyOnce.getAndSet(false)) {
                    throw new IllegalStateException("transient");
                }
                return real.measure(root, kind, now);
            };
            SchedulerConfiguration config = settings();
            config.setMaxAttempts(3);
            config.setBackoff(Duration.milliseconds(200));
            config.setPollInterval(Duration.milliseconds(50));
            config.setCrawlWorkersPerNode("2");
            CrawlRounds rounds = new CrawlRounds(jdbi, Clock.systemUTC());
            CrawlWorkerPool workers = new CrawlWorkerPool("test-node", config, jdbi, measurer,
                    new ObservationStore(jdbi), rounds, Clock.systemUTC());
            CrawlRounds.Started round = rounds.start(null, "test-node", "CLI", null);
            workers.start();
            try {
                await("the round", java.time.Duration.ofSeconds(60),
                        () -> rounds.progress(round.roundId()).orElseThrow().status().equals("FINISHED"));
            } finally {
                workers.stop();
            }
            assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'FAILED' AND attempts = 3"
                    + " AND url = ? AND error LIKE '%parser exploded%'", broken)).isEqualTo(1);
            assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE' AND attempts = 2"
                    + " AND url = ?", flaky)).isEqualTo(1);
            assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE'")).isEqualTo(4);
            assertThat(count(jdbi, "SELECT count(*) FROM measurements")).isEqualTo(4);
            assertThat(count(jdbi, "SELECT count(*) FROM measurements m JOIN sites s ON s.id = m.site_id"
                    + " WHERE s.url = ?", broken)).as("nothing stored for the site that always failed").isZero();
            assertThat(count(jdbi, "SELECT count(*) FROM job_runs WHERE status = 'SUCCEEDED' AND done = 5"
                    + " AND failed = 1")).isEqualTo(1);
            assertThat(count(jdbi, "SELECT count(*) FROM job_run_failures WHERE subject = ?"
                    + " AND reason LIKE 'attempt 3: %parser exploded%'", broken)).isEqualTo(1);
        }
    }

    @Test
    void crawlItem_measuredLongerThanItsLease_keptByItsLiveNodeAndMeasuredOnce() throws Exception {
        try (SiteFarm farm = SchedulingFixtures.farm(1, 33, java.time.Duration.ZERO);
             MeasurementEngine real = new MeasurementEngine(
                     CrawlSettingsFile.load(settings(), CrawlSettings.defaults()), CrawlerFiles.defaultCatalog())) {
            TestPostgres.TestDatabase db = TestPostgres.newDatabase();
            Jdbi jdbi = db.jdbi();
            SchedulingFixtures.register(jdbi, farm);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger measured = new AtomicInteger();
            SiteMeasurer slow = (URI root, SiteKind kind, LocalDate now) -> {
                measured.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                return real.measure(root, kind, now);
            };
            SchedulerConfiguration config = settings();
            config.setLeaseSeconds(1);
            config.setPollInterval(Duration.milliseconds(50));
            config.setCrawlWorkersPerNode("2");
            CrawlRounds rounds = new CrawlRounds(jdbi, Clock.systemUTC());
            CrawlWorkerPool workers = new CrawlWorkerPool("test-node", config, jdbi, slow,
                    new ObservationStore(jdbi), rounds, Clock.systemUTC());
            CrawlRounds.Started round = rounds.start(null, "test-node", "CLI", null);
            workers.start();
            try {
                // Three leases long in hand, with an idle worker polling for expired claims all the while.
                await("the claim to be three leases old", java.time.Duration.ofSeconds(30), () -> count(jdbi,
                        "SELECT count(*) FROM crawl_items WHERE status = 'CLAIMED'"
                                + " AND now() > claimed_at + interval '3 seconds'") == 1);
                release.countDown();
                await("the round", java.time.Duration.ofSeconds(60),
                        () -> rounds.progress(round.roundId()).orElseThrow().status().equals("FINISHED"));
            } finally {
                release.countDown();
                workers.stop();
            }
            assertThat(measured.get()).as("measurements started").isEqualTo(1);
            assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE' AND attempts = 1"))
                    .isEqualTo(1);
        }
    }

    @Test
    void backoff_doublesUpToMax() {
        SchedulerConfiguration config = new SchedulerConfiguration();
        config.setBackoff(Duration.seconds(30));
        config.setMaxBackoff(Duration.minutes(5));
        assertThat(config.backoffAfter(1)).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(config.backoffAfter(2)).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(config.backoffAfter(4)).isEqualTo(java.time.Duration.ofSeconds(240));
        assertThat(config.backoffAfter(5)).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(config.backoffAfter(40)).isEqualTo(java.time.Duration.ofMinutes(5));
    }

    private static SchedulerConfiguration settings() {
        SchedulerConfiguration config = new SchedulerConfiguration();
        config.setCrawlSettings(SchedulingFixtures.CRAWL_SETTINGS);
        return config;
    }

}
