package org.egovmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database commands run beside a running service on the same embedded data folder: they use the
 * service's PostgreSQL as clients and never stop it; a second service on the folder is refused with a message. The
 * old code took the live server for an orphan and stopped it, after which every request answered 500.
 */
class SharedDataFolderTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    private int status(String url, String basic) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void commandsBesideRunningService_useItsDatabase_serviceKeepsAnswering() throws Exception {
        Path dataDir = root.resolve("data");
        int port = AppProcess.freePort();
        int adminPort = AppProcess.freePort();
        Map<String, String> env = new HashMap<>(Map.of("EGOV_DATA_DIR", dataDir.toString(),
                "PORT", Integer.toString(port), "ADMIN_PORT", Integer.toString(adminPort),
                "EGOV_ADMIN_USER", TestApp.OFFICE_USER, "EGOV_ADMIN_PASSWORD", TestApp.OFFICE_PASSWORD));
        String units = "http://127.0.0.1:" + port + "/api/units";
        Path export = root.resolve("registry.yml");

        try (AppProcess service = AppProcess.start(env, "demo")) {
            service.awaitHealthy(adminPort, Duration.ofSeconds(90));
            assertThat(status(units, TestApp.OFFICE_BASIC)).isEqualTo(200);

            AppProcess.Result migrate = AppProcess.run(env, "db", "migrate");
            assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
            assertThat(status(units, TestApp.OFFICE_BASIC)).isEqualTo(200);

            AppProcess.Result exported = AppProcess.run(env, "export-registry", "--output", export.toString());
            assertThat(exported.exitCode()).as(exported.stderr()).isZero();
            assertThat(Files.readString(export)).contains("czs-jw");
            assertThat(status(units, TestApp.OFFICE_BASIC)).isEqualTo(200);

            AppProcess.Result imported = AppProcess.run(env, "import-registry", export.toString());
            assertThat(imported.exitCode()).as(imported.stderr()).isZero();
            assertThat(status(units, TestApp.OFFICE_BASIC)).isEqualTo(200);

            // The account the command creates is the running service's: it logs in there at once.
            AppProcess.Result user = AppProcess.runWithInput(env, "beside-the-service-77\n", "create-user",
                    "--username", "cli-beside", "--role", "LEADER", "--password-stdin");
            assertThat(user.exitCode()).as(user.stderr()).isZero();
            assertThat(status(units, TestApp.basic("cli-beside", "beside-the-service-77"))).isEqualTo(200);

            for (AppProcess.Result r : new AppProcess.Result[] {migrate, exported, imported, user}) {
                assertThat(r.stderr()).doesNotContain("orphaned PostgreSQL").doesNotContain("Stopping embedded");
            }

            // A second service on the same folder is refused, and the first one is left alone.
            Map<String, String> second = new HashMap<>(env);
            second.put("PORT", Integer.toString(AppProcess.freePort()));
            second.put("ADMIN_PORT", Integer.toString(AppProcess.freePort()));
            AppProcess.Result refused = AppProcess.run(second, "demo");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("已由运行中的服务").contains("EGOV_DATA_DIR");
            assertThat(status(units, TestApp.OFFICE_BASIC)).isEqualTo(200);

            service.stop();
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        // With the service gone the folder is free: a command starts its own server and stops it again.
        AppProcess.Result alone = AppProcess.run(env, "db", "migrate");
        assertThat(alone.exitCode()).as(alone.stderr()).isZero();
        assertThat(alone.stderr()).contains("Starting embedded PostgreSQL").contains("Stopping embedded PostgreSQL");
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
