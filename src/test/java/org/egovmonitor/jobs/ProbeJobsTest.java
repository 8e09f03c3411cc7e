package org.egovmonitor.jobs;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.observations.SiteAvailability;
import org.egovmonitor.testing.ClosedPort;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/** The probe jobs run through the cluster (triggered, picked up by a node) against real farm sites and sockets. */
class ProbeJobsTest {

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase();
    private final Jdbi jdbi = db.jdbi();
    private Scheduling node;

    @BeforeEach
    void startNode() throws Exception {
        SchedulerConfiguration config = SchedulingFixtures.jobsOnly();
        PGSimpleDataSource ds = SchedulingFixtures.dataSource(db);
        FetchSettings crawl = CrawlSettingsFile.load(config, CrawlSettings.defaults()).fetch();
        node = Scheduling.create(config, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), jdbi, ds, crawl,
                new HostGates(crawl), new CrawlStage(null, null), ScoreSnapshotJob.Task.NONE,
                RetentionJob.Task.NONE, BulletinJob.Task.NONE, AlertHooks.NONE);
        node.scheduler().start();
    }

    @AfterEach
    void stopNode() throws Exception {
        node.scheduler().stop();
        node.close();
    }

    private void runOnce(JobName job) throws Exception {
        long before = count(jdbi, "SELECT count(*) FROM job_runs WHERE job = ? AND status = 'SUCCEEDED'", job.id());
        node.scheduler().trigger(job, "MANUAL", null);
        await(job.id() + " run", java.time.Duration.ofSeconds(60), () -> count(jdbi,
                "SELECT count(*) FROM job_runs WHERE job = ? AND status = 'SUCCEEDED'", job.id()) == before + 1);
    }

    @Test
    void availabilityProbe_siteDownThenBack_failureShareCounted() throws Exception {
        try (SiteFarm farm = SchedulingFixtures.farm(6, 21, java.time.Duration.ZERO)) {
            SchedulingFixtures.register(jdbi, farm);
            String flaky = farm.hosts().iterator().next();
            runOnce(JobName.AVAILABILITY_PROBE);
            farm.setDown(flaky, true);
            runOnce(JobName.AVAILABILITY_PROBE);
            runOnce(JobName.AVAILABILITY_PROBE);
            farm.setDown(flaky, false);
            runOnce(JobName.AVAILABILITY_PROBE);

            Map<String, SiteAvailability> byUrl = node.availability().failureShares(java.time.Duration.ofDays(7))
                    .stream().collect(Collectors.toMap(SiteAvailability::url, a -> a));
            assertThat(byUrl).hasSize(6);
            SiteAvailability down = byUrl.get(farm.url(flaky));
            assertThat(down.probes()).isEqualTo(4);
            assertThat(down.failures()).isEqualTo(2);
            assertThat(down.failureShare()).isEqualTo(0.5);
            byUrl.values().stream().filter(a -> a != down).forEach(a -> {
                assertThat(a.probes()).isEqualTo(4);
                assertThat(a.failures()).isZero();
                assertThat(a.failureShare()).isEqualTo(0.0);
            });
            assertThat(count(jdbi, "SELECT count(*) FROM availability_probes WHERE NOT up AND error_kind IS NULL"))
                    .isZero();
            assertThat(count(jdbi, "SELECT done FROM job_runs WHERE job = 'availability-probe' ORDER BY id LIMIT 1"))
                    .isEqualTo(6);
        }
    }

    @Test
    void availabilityShares_noProbes_shareIsNull() {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('t-x', 'x', 'DEPARTMENT',"
                    + " 'DEPARTMENTS')");
            h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES ('http://127.0.1.9/', 'x', "
                    + "'DEPARTMENT', 't-x')");
        });
        List<SiteAvailability> shares = node.availability().failureShares(java.time.Duration.ofDays(7));
        assertThat(shares).singleElement().satisfies(a -> {
            assertThat(a.probes()).isZero();
            assertThat(a.failureShare()).isNull();
        });
    }

    @Test
    void nodeProbe_endpointListeningThenRefusing_upThenDown_nodesWithoutEndpointSkipped() throws Exception {
        // The endpoint goes down by moving to a port held closed: a listening port just closed again may be taken
        // by another process on the machine before the second probe.
        try (ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
             ClosedPort refusing = ClosedPort.open()) {
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('t-a', 'a', 'DEPARTMENT', "
                        + "'DEPARTMENTS'), ('t-b', 'b', 'DEPARTMENT', 'DEPARTMENTS')");
                h.execute("INSERT INTO network_nodes (unit_code, status, probe_host, probe_port) VALUES "
                        + "('t-a', 'CONNECTED', '127.0.0.1', ?), ('t-b', 'PLANNED', NULL, NULL)",
                        listening.getLocalPort());
            });
            runOnce(JobName.NODE_PROBE);
            jdbi.useHandle(h -> h.execute("UPDATE network_nodes SET probe_port = ? WHERE unit_code = 't-a'",
                    refusing.port()));
            runOnce(JobName.NODE_PROBE);
        }

        List<Boolean> ups = jdbi.withHandle(h -> h.createQuery(
                "SELECT up FROM node_probes WHERE unit_code = 't-a' ORDER BY id").mapTo(Boolean.class).list());
        assertThat(ups).containsExactly(true, false);
        assertThat(count(jdbi, "SELECT count(*) FROM node_probes WHERE unit_code = 't-b'")).isZero();
        assertThat(count(jdbi, "SELECT count(*) FROM node_probes WHERE up AND latency_ms IS NOT NULL")).isEqualTo(1);
        assertThat(count(jdbi, "SELECT count(*) FROM node_probes WHERE NOT up AND error IS NOT NULL")).isEqualTo(1);
        assertThat(count(jdbi, "SELECT count(*) FROM job_runs WHERE job = 'node-probe' AND total = 1"
                + " AND message LIKE '%1 个无探测端点未探测%'")).isEqualTo(2);
    }
}
