package org.egovmonitor.jobs;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.registry.Site;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/** The availability probe on a host busy with other work: a probe that never left the queue is no outage. */
class AvailabilityProberTest {

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase();
    private final Jdbi jdbi = db.jdbi();

    @Test
    void probe_hostBusyPastMaxQueueWait_notCountedAsDownNoRow() throws Exception {
        FetchSettings settings = CrawlSettings.parse("perHostConcurrency: 1\nperHostDelayMs: 0\nmaxQueueWaitMs: 200\n"
                + "deadlineMs: 5000").fetch().withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8")));
        HostGates gates = new HostGates(settings);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (HostileServer site = HostileServer.start();
             HttpPageFetcher crawl = new HttpPageFetcher(settings, gates);
             HttpPageFetcher probe = new HttpPageFetcher(settings, gates)) {
            site.robotsStatus(404);
            site.route("/", (r, s, out) -> HostileServer.respond(out, 200, "text/html", HostileServer.PAGE));
            site.route("/busy", (r, s, out) -> {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
                HostileServer.respond(out, 200, "text/html", HostileServer.PAGE);
            });
            long siteId = jdbi.withHandle(h -> {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('t-q', 'q', 'DEPARTMENT',"
                        + " 'DEPARTMENTS')");
                return h.createUpdate("INSERT INTO sites (url, name, kind, unit_code) VALUES (:url, 'q', "
                        + "'DEPARTMENT', 't-q')").bind("url", site.uri("/").toString())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            });
            // robots.txt first, so the busy request below is the one holding the host's only slot.
            assertThat(crawl.get(site.uri("/")).error()).isNull();
            CompletableFuture<FetchResult> busy = CompletableFuture.supplyAsync(() -> crawl.get(site.uri("/busy")));
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

            AvailabilityProber prober = new AvailabilityProber(jdbi, probe, Clock.systemUTC(), 1);
            Boolean up = prober.probe(new Site(siteId, site.uri("/").toString(), "q", SiteKind.DEPARTMENT, "t-q",
                    true, false));

            assertThat(up).isNull();
            assertThat(count(jdbi, "SELECT count(*) FROM availability_probes")).isZero();
            release.countDown();
            assertThat(busy.get(10, TimeUnit.SECONDS).error()).isNull();
            // Once the host is free the same probe is a normal one.
            assertThat(prober.probe(new Site(siteId, site.uri("/").toString(), "q", SiteKind.DEPARTMENT, "t-q",
                    true, false))).isTrue();
            assertThat(count(jdbi, "SELECT count(*) FROM availability_probes WHERE up")).isEqualTo(1);
        }
    }
}
