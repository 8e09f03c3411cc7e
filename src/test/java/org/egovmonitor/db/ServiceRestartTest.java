package org.egovmonitor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default, as a user runs it: data survives a restart, and a run that was killed (leaving its
 * postmaster running and its pid file behind) does not stop the next start.
 */
class ServiceRestartTest {

    @TempDir
    Path root;

    /** A folder of its own: the owner lock file sits beside it, inside the temp folder. */
    private Path dataDir;

    @org.junit.jupiter.api.BeforeEach
    void dataFolder() throws java.io.IOException {
        dataDir = Files.createDirectories(root.resolve("data"));
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", TestApp.OFFICE_BASIC).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demo_killedThenRestartedOnSameDataDir_keepsDataAndStarts() throws Exception {
        int port = AppProcess.freePort();
        int adminPort = AppProcess.freePort();
        Map<String, String> env = Map.of("EGOV_DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port),
                "ADMIN_PORT", Integer.toString(adminPort), "EGOV_ADMIN_USER", TestApp.OFFICE_USER,
                "EGOV_ADMIN_PASSWORD", TestApp.OFFICE_PASSWORD);
        String api = "http://127.0.0.1:" + port + "/api/units";

        try (AppProcess first = AppProcess.start(env, "demo")) {
            first.awaitHealthy(adminPort, Duration.ofSeconds(90));
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(api))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\"t-survivor\",\"name\":\"重启后仍在\",\"kind\":\"DEPARTMENT\"}")));
            assertThat(created.statusCode()).isEqualTo(201);
            first.kill();
        }
        // The killed JVM's postmaster is still running and holds the folder.
        assertThat(dataDir.resolve("postmaster.pid")).exists();

        try (AppProcess second = AppProcess.start(env, "demo")) {
            second.awaitHealthy(adminPort, Duration.ofSeconds(90));
            HttpResponse<String> survivor = send(HttpRequest.newBuilder(URI.create(api + "/t-survivor")));
            assertThat(survivor.statusCode()).isEqualTo(200);
            assertThat(survivor.body()).contains("重启后仍在");
            assertThat(send(HttpRequest.newBuilder(URI.create(api))).body()).contains("czs-jw");

            second.stop();
            assertThat(second.stderr()).contains("orphaned PostgreSQL").contains("Stopping embedded PostgreSQL");
        }
        // A graceful stop shuts the embedded server down too.
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void stopOrphanedServer_pidFileOfDeadProcess_removed() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999\n" + dataDir + "\n");
        EmbeddedPostgresServer.stopOrphanedServer(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }
}
