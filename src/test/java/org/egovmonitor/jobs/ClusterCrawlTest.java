package org.egovmonitor.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/**
 * Two app instances (each with its own Quartz scheduler and crawl workers, measuring with the production measurement
 * engine into the production observation store) on one database crawl 40 farm sites: the round is triggered through
 * the API, any node may run the job, both nodes' workers claim items, and every site is measured and stored exactly
 * once, with the sections the farm generated for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCrawlTest {

    private static final int SITES = 40;

    private static SiteFarm farm;
    private static TestPostgres.TestDatabase db;
    private static Jdbi jdbi;
    private static DropwizardAppExtension<EgovMonitorConfiguration> nodeA;
    private static DropwizardAppExtension<EgovMonitorConfiguration> nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        farm = SchedulingFixtures.farm(SITES, 4, Duration.ofMillis(40));
        db = TestPostgres.newDatabase();
        jdbi = db.jdbi();
        assertThat(SchedulingFixtures.register(jdbi, farm)).isEqualTo(SITES);
        List<ConfigOverride> overrides = SchedulingFixtures.nodeOverrides(60);
        nodeA = TestApp.extension(db, false, overrides.toArray(new ConfigOverride[0]));
        nodeB = TestApp.extension(db, false, overrides.toArray(new ConfigOverride[0]));
        nodeA.before();
        nodeB.before();
    }

    @AfterAll
    static void stopCluster() {
        if (nodeB != null) {
            nodeB.after();
        }
        if (nodeA != null) {
            nodeA.after();
        }
        if (farm != null) {
            farm.close();
        }
    }

    private static Response post(DropwizardAppExtension<?> node, String path) {
        return node.client().target("http://localhost:" + node.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).header("Authorization", TestApp.OFFICE_BASIC).post(Entity.json("{}"));
    }

    private static JsonNode get(DropwizardAppExtension<?> node, String path) {
        Response r = node.client().target("http://localhost:" + node.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).header("Authorization", TestApp.OFFICE_BASIC).get();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.readEntity(JsonNode.class);
    }

    @Test
    @Order(1)
    void trigger_unknownJob_is404() {
        Response r = post(nodeA, "/api/jobs/no-such-job/trigger");
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(r.readEntity(JsonNode.class).path("code").asInt()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void jobs_listed_withSchedulesAndNextFireTimes() {
        JsonNode jobs = get(nodeB, "/api/jobs");
        assertThat(jobs).hasSize(JobName.values().length);
        for (JsonNode job : jobs) {
            if (job.path("name").asText().equals("score-snapshot")) {
                assertThat(job.path("schedule").asText()).isEqualTo("on demand");
            } else {
                assertThat(job.path("nextFireTime").isNull()).as(job.toString()).isFalse();
                assertThat(job.path("misfire").asText()).isIn("FIRE_NOW", "DO_NOTHING");
            }
        }
        // one trigger per scheduled job although two nodes created them at start
        assertThat(count(jdbi, "SELECT count(*) FROM qrtz_triggers")).isEqualTo(JobName.values().length - 1);
    }

    @Test
    @Order(3)
    void crawlRound_twoNodes_everySiteMeasuredOnceAndWorkSpread() throws Exception {
        Response accepted = post(nodeA, "/api/jobs/crawl-round/trigger");
        assertThat(accepted.getStatus()).isEqualTo(202);
        long roundId = accepted.readEntity(JsonNode.class).path("roundId").asLong();
        assertThat(roundId).isPositive();

        // Quick triggers on both nodes during the round: one round at a time, each told which round is running
        // (five rounds used to start at once, and their follow-up snapshots collided on a duplicate key).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<Response>> quick = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                DropwizardAppExtension<?> node = i % 2 == 0 ? nodeA : nodeB;
                quick.add(pool.submit(() -> post(node, "/api/jobs/crawl-round/trigger")));
            }
            for (java.util.concurrent.Future<Response> f : quick) {
                Response r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.getStatus()).isEqualTo(409);
                assertThat(r.readEntity(String.class)).contains("第 " + roundId + " 轮")
                        .contains("\"" + roundId + "\"");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(jdbi, "SELECT count(*) FROM crawl_rounds")).isEqualTo(1);

        await("the round to finish", Duration.ofSeconds(120),
                () -> count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE status = 'FINISHED'") == 1);

        assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE'")).isEqualTo(SITES);
        SchedulingFixtures.assertMeasuredOnceEach(jdbi, farm, SITES);
        assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE attempts = 1 AND stored"))
                .as("claimed once, measured once, stored by that measurement").isEqualTo(SITES);
        assertThat(count(jdbi, "SELECT count(DISTINCT claimed_by) FROM crawl_items")).as("both nodes claimed")
                .isEqualTo(2);
        assertThat(count(jdbi, "SELECT min(n) FROM (SELECT count(*) AS n FROM crawl_items GROUP BY claimed_by) c"))
                .as("the smaller share").isGreaterThanOrEqualTo(10);

        JsonNode runs = get(nodeB, "/api/jobs/runs?job=crawl-round");
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("cause").asText()).isEqualTo("MANUAL");
        assertThat(run.path("done").asInt()).isEqualTo(SITES);
        assertThat(run.path("total").asInt()).isEqualTo(SITES);
        assertThat(run.path("failed").asInt()).isZero();

        JsonNode detail = get(nodeA, "/api/jobs/runs/" + run.path("id").asLong());
        assertThat(detail.path("failures")).isEmpty();
        assertThat(detail.path("job").asText()).isEqualTo("crawl-round");

        await("the score snapshot after the round", Duration.ofSeconds(60), () -> count(jdbi,
                "SELECT count(*) FROM job_runs WHERE job = 'score-snapshot' AND status = 'SUCCEEDED'"
                        + " AND cause = 'FOLLOW_UP'") == 1);
        assertThat(get(nodeA, "/api/jobs/runs?limit=1").get(0).path("job").asText()).isEqualTo("score-snapshot");
        assertThat(nodeA.client().target("http://localhost:" + nodeA.getLocalPort() + "/api/jobs/runs/999999")
                .request().header("Authorization", TestApp.OFFICE_BASIC).get().getStatus()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void rerunOfRound_sameItems_neverStoredTwice() throws Exception {
        // A second round is new work (new items, new task keys); re-running the same items stores nothing again.
        long before = count(jdbi, "SELECT count(*) FROM measurements");
        jdbi.useHandle(h -> h.execute("UPDATE crawl_items SET status = 'PENDING', attempts = 0"));
        jdbi.useHandle(h -> h.execute("UPDATE crawl_rounds SET status = 'RUNNING'"));
        await("the re-run to finish", Duration.ofSeconds(120),
                () -> count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE'") == SITES
                        && count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE status = 'FINISHED'") == 1);
        assertThat(count(jdbi, "SELECT count(*) FROM measurements")).isEqualTo(before);
        assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE stored")).isZero();
    }
}
