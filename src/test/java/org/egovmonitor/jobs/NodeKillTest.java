package org.egovmonitor.jobs;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/**
 * A node dies mid-round without a graceful stop (kill -9 of a separate JVM running the real app, measuring with the
 * production engine into the production observation store): the surviving node takes over the dead node's claims
 * once their lease runs out and finishes the round; no site is lost and none is stored twice.
 */
class NodeKillTest {

    private static final int SITES = 40;
    private static final int LEASE_SECONDS = 4;

    @TempDir
    Path dir;

    @Test
    void crawlRound_nodeKilledMidRound_otherNodeReclaimsAndFinishes() throws Exception {
        try (SiteFarm farm = SchedulingFixtures.farm(SITES, 9, Duration.ofMillis(40))) {
            TestPostgres.TestDatabase db = TestPostgres.newDatabase();
            Jdbi jdbi = db.jdbi();
            SchedulingFixtures.register(jdbi, farm);
            int port = AppProcess.freePort();
            int adminPort = AppProcess.freePort();
            Path config = dir.resolve("node-b.yml");
            Files.writeString(config, childConfig(db, port, adminPort));

            DropwizardAppExtension<EgovMonitorConfiguration> survivor = null;
            try (AppProcess victim = AppProcess.start(Map.of(), "server", config.toString())) {
                victim.awaitHealthy(adminPort, Duration.ofSeconds(90));
                String victimTag = "%-" + victim.process().pid() + "-%";
                survivor = TestApp.extension(db, false,
                        SchedulingFixtures.nodeOverrides(LEASE_SECONDS).toArray(new ConfigOverride[0]));
                survivor.before();

                HttpResponse<String> triggered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/jobs/crawl-round/trigger"))
                        // The survivor created the office account in the shared database; the victim checks it.
                        .header("Authorization", TestApp.OFFICE_BASIC)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(triggered.statusCode()).isEqualTo(202);

                await("the victim to be busy", Duration.ofSeconds(60), () -> count(jdbi,
                        "SELECT count(*) FROM crawl_items WHERE status = 'DONE' AND claimed_by LIKE ?",
                        victimTag) >= 5);
                victim.kill();
                List<Long> held = jdbi.withHandle(h -> h.createQuery(
                                "SELECT id FROM crawl_items WHERE status = 'CLAIMED' AND claimed_by LIKE ?")
                        .bind(0, victimTag).mapTo(Long.class).list());
                assertThat(held).as("claims the dead node held").isNotEmpty();

                await("the survivor to finish the round", Duration.ofSeconds(120),
                        () -> count(jdbi, "SELECT count(*) FROM crawl_rounds WHERE status = 'FINISHED'") == 1);

                assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE status = 'DONE'")).isEqualTo(SITES);
                SchedulingFixtures.assertMeasuredOnceEach(jdbi, farm, SITES);
                for (long id : held) {
                    assertThat(count(jdbi, "SELECT count(*) FROM crawl_items WHERE id = ? AND status = 'DONE'"
                            + " AND attempts = 2 AND claimed_by NOT LIKE ?", id, victimTag))
                            .as("item %d taken over", id).isEqualTo(1);
                }
                assertThat(count(jdbi, "SELECT count(*) FROM job_runs WHERE job = 'crawl-round'"
                        + " AND status = 'SUCCEEDED' AND done = ?", SITES)).isEqualTo(1);
            } finally {
                if (survivor != null) {
                    survivor.after();
                }
            }
        }
    }

    private static String childConfig(TestPostgres.TestDatabase db, int port, int adminPort) {
        return """
                server:
                  applicationConnectors:
                    - type: http
                      port: %d
                  adminConnectors:
                    - type: http
                      port: %d
                  requestLog:
                    appenders: []
                database:
                  driverClass: org.postgresql.Driver
                  url: "%s"
                  user: "%s"
                  password: ""
                migrateOnStart: false
                logging:
                  level: WARN
                  appenders:
                    - type: console
                      target: stderr
                scheduler:
                  crawlSettings: %s
                  pollInterval: 200ms
                  crawlWorkersPerNode: 4
                  leaseSeconds: %d
                """.formatted(port, adminPort, db.url(), db.user(),
                SchedulingFixtures.CRAWL_SETTINGS, LEASE_SECONDS);
    }
}
