package org.egovmonitor.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.testing.hostile.HostileServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/**
 * A round with {@code crawlWorkersPerNode: auto} on the real app, measuring local sites with the production engine.
 * Some sites answer at once; the others hold their homepage until the test lets them go, so the round is caught
 * running in a known state (the quick sites done, one held site in the hand of every worker) without any timing.
 */
class SelfSizingRoundTest {

    private static final String UNIT = "t-sizing";

    @TempDir
    Path dir;

    private final List<HostileServer> servers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private DropwizardAppExtension<EgovMonitorConfiguration> app;

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.after();
        }
        servers.forEach(HostileServer::close);
    }

    /**
     * 10 sites, no history (30 s a site assumed), a 100 s window (aim: 50 s), one node: 10 × 30 / 50 = 6 workers,
     * above the floor of 4 and below the node's ceiling (config.yml's pool of 32 leaves 24).
     */
    @Test
    void autoRound_derivedWorkers_runAndTheRunningRoundReportsProgressAndEstimate() throws Exception {
        Jdbi jdbi = start("100s", 4, 6);
        JsonNode trigger = post("/api/jobs/crawl-round/trigger");
        long roundId = trigger.path("roundId").asLong();

        // 6 workers: the 4 quick sites are done, and each worker holds one of the 6 held sites
        await("4 sites done and 6 in hand", Duration.ofSeconds(60), () ->
                count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE'") == 4
                        && count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'CLAIMED'") == 6);
        JsonNode run = get("/api/jobs/runs?job=crawl-round").get(0);
        String node = run.path("instanceId").asText();
        assertThat(workerThreads(node)).as("crawl workers of the node").isEqualTo(6);

        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        assertThat(run.path("done").asInt()).isEqualTo(4);
        assertThat(run.path("total").asInt()).isEqualTo(10);
        JsonNode round = run.path("round");
        assertThat(round.path("roundId").asLong()).isEqualTo(roundId);
        assertThat(round.path("workersNeeded").asInt()).isEqualTo(6);
        assertThat(round.path("workersPerNode").asInt()).isEqualTo(6);
        assertThat(round.path("windowMs").asLong()).isEqualTo(100_000);
        assertThat(round.path("sizing").asText()).contains("10 个站点 × 每站 30 秒（尚无历史记录，取默认值）")
                .contains("目标 50 秒（轮次窗口 1 分钟 40 秒的一半）").contains("每节点需 6 个采集线程").endsWith("本节点用 6 个。");
        assertThat(run.path("message").asText()).isEqualTo(round.path("sizing").asText());
        assertThat(round.path("sitesPerMinute").asDouble()).isPositive();
        assertThat(round.path("estimatedFinish").isTextual()).as(round.toString()).isTrue();
        assertThat(round.path("remainingSeconds").asLong()).isNotNegative();
        assertThat(round.path("estimate").asText()).matches("预计完成时间 \\d\\d:\\d\\d（剩余.+）");
        assertThat(round.path("exceedsWindow").asBoolean()).isFalse();
        assertThat(round.path("overrun").isNull()).isTrue();
        JsonNode listed = lastRoundOfJobs();
        assertThat(listed.path("round").path("estimate").asText()).startsWith("预计完成时间");

        release.countDown();
        await("the round to finish", Duration.ofSeconds(60),
                () -> count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE status = 'FINISHED'") == 1);
        JsonNode done = get("/api/jobs/runs/" + run.path("id").asLong());
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("message").asText()).startsWith("第 " + roundId + " 轮完成：10 个站点，10 个已测量，0 个失败，用时 ")
                .contains("每节点需 6 个采集线程").doesNotContain("超出");
        assertThat(done.path("round").path("estimate").isNull()).isTrue();
        assertThat(done.path("round").path("exceedsWindow").asBoolean()).isFalse();
        assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE claimed_at IS NOT NULL"
                + " AND finished_at >= claimed_at")).as("every item's measure time kept for the next sizing").isEqualTo(10);
        await("the pool back to its floor", Duration.ofSeconds(30), () -> workerThreads(node) == 4);
    }

    /**
     * A 1 ms window (the sizing asks for more workers than the pool allows): the first site to finish already shows
     * the round cannot make it, and the run record says so while the other site is held, and again at the end.
     */
    @Test
    void tinyWindow_estimateExceedsIt_runRecordSaysSoWhileRunningAndAtTheEnd() throws Exception {
        Jdbi jdbi = start("1ms", 1, 1);
        long roundId = post("/api/jobs/crawl-round/trigger").path("roundId").asLong();

        await("the overrun recorded while the held site runs", Duration.ofSeconds(60),
                () -> count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE overrun_note IS NOT NULL") == 1);
        JsonNode run = get("/api/jobs/runs?job=crawl-round").get(0);
        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        String sentence = "超出轮次窗口 不到 1 秒，仍有 1 个站点未完成。";
        assertThat(run.path("round").path("exceedsWindow").asBoolean()).isTrue();
        assertThat(run.path("round").path("overrun").asText()).startsWith("本轮已运行 ").endsWith(sentence);
        assertThat(run.path("message").asText()).contains("受数据库连接池限制").endsWith(sentence);

        release.countDown();
        await("the round to finish", Duration.ofSeconds(60),
                () -> count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE status = 'FINISHED'") == 1);
        JsonNode done = get("/api/jobs/runs/" + run.path("id").asLong());
        assertThat(done.path("message").asText()).startsWith("第 " + roundId + " 轮完成：2 个站点")
                .contains(sentence).contains("本轮用时 ").contains("超出轮次窗口 不到 1 秒。");
        assertThat(done.path("round").path("exceedsWindow").asBoolean()).isTrue();
    }

    /** Starts {@code quick} sites that answer at once and {@code held} sites that answer when released, then the app. */
    private Jdbi start(String window, int quick, int held) throws Exception {
        for (int i = 0; i < quick + held; i++) {
            HostileServer s = HostileServer.start("127.0.4." + (i + 1));
            boolean hold = i >= quick;
            s.route("/", (req, socket, out) -> {
                if (hold && !release.await(60, TimeUnit.SECONDS)) {
                    return;
                }
                HostileServer.respond(out, 200, "text/html; charset=utf-8", HostileServer.PAGE);
            });
            servers.add(s);
        }
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, '测试单位', 'DEPARTMENT',"
                    + " 'DEPARTMENTS')", UNIT);
            // quick sites first: items are claimed in id order
            for (HostileServer s : servers) {
                h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, 'DEPARTMENT', ?)",
                        s.uri("/").toString(), "站点 " + s.host(), UNIT);
            }
        });
        // A held homepage must outlast the test's wait, not hit the fetch deadline.
        Path settings = dir.resolve("crawl.yml");
        Files.writeString(settings, """
                allowPrivateCidrs: [127.0.0.0/8]
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 90000
                deadlineMs: 90000
                """);
        app = TestApp.extension(db, false,
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("scheduler.crawlSettings", settings.toString()),
                ConfigOverride.config("scheduler.pollInterval", "200ms"),
                ConfigOverride.config("scheduler.crawlWorkersPerNode", "auto"),
                ConfigOverride.config("scheduler.roundWindow", window));
        app.before();
        return jdbi;
    }

    private static long workerThreads(String node) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("crawl-worker-" + node + "-")).count();
    }

    private JsonNode lastRoundOfJobs() {
        for (JsonNode job : get("/api/jobs")) {
            if (job.path("name").asText().equals("crawl-round")) {
                return job.path("lastRun");
            }
        }
        throw new AssertionError("no crawl-round job listed");
    }

    private JsonNode post(String path) {
        Response r = app.client().target("http://localhost:" + app.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).header("Authorization", TestApp.OFFICE_BASIC).post(Entity.json("{}"));
        assertThat(r.getStatus()).isEqualTo(202);
        return r.readEntity(JsonNode.class);
    }

    private JsonNode get(String path) {
        Response r = app.client().target("http://localhost:" + app.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).header("Authorization", TestApp.OFFICE_BASIC).get();
        assertThat(r.getStatus()).isEqualTo(200);
        return r.readEntity(JsonNode.class);
    }
}
