package org.egovmonitor.auth;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic skips bcrypt for credentials it verified a moment ago, and never honours them once the account changed.
 * bcrypt checks are counted by the app's own metric, not guessed from timings; the TTL runs on a clock the test moves.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BasicCredentialCacheTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-04-01T08:00:00Z"));

    public static class App extends MovableClock.App {
        @Override
        MovableClock clock() {
            return CLOCK;
        }
    }

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(App.class, false,
            ConfigOverride.config("auth.basicCacheTtl", "60 seconds"));
    static final String PASSWORD = "cache-test-password";
    static Http http;

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String user : List.of("bc-repeat", "bc-change", "bc-elsewhere", "bc-disable", "bc-role", "bc-delete",
                "bc-ttl", "bc-burst")) {
            HttpResponse<String> r = office("POST", "/api/users")
                    .json("{\"username\":\"" + user + "\",\"role\":\"LEADER\",\"password\":\"" + PASSWORD + "\"}")
                    .send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    static Http.Request office(String method, String path) {
        return http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
    }

    static long bcryptChecks() {
        return APP.getEnvironment().metrics().counter(PasswordHasher.VERIFICATIONS_METRIC).getCount();
    }

    static int me(String user, String password) {
        return http.get("/api/me").basic(user, password).send().statusCode();
    }

    /** Runs {@code action} and answers how many bcrypt checks it cost. */
    static long checksDuring(Runnable action) {
        long before = bcryptChecks();
        action.run();
        return bcryptChecks() - before;
    }

    @Test
    void repeatedRequests_oneBcryptCheck() {
        assertThat(checksDuring(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(me("bc-repeat", PASSWORD)).isEqualTo(200);
            }
        })).isEqualTo(1);
    }

    @Test
    void wrongPassword_neverCached_andNeverAnswersFromTheRightOnesEntry() {
        assertThat(me("bc-repeat", PASSWORD)).isEqualTo(200);
        assertThat(checksDuring(() -> {
            assertThat(me("bc-repeat", PASSWORD + "x")).isEqualTo(401);
            assertThat(me("bc-repeat", PASSWORD + "x")).isEqualTo(401);
        })).isEqualTo(2);
    }

    @Test
    void passwordChange_oldPasswordRefusedAtOnce_newOneWorks() {
        assertThat(me("bc-change", PASSWORD)).isEqualTo(200);
        assertThat(office("PUT", "/api/users/bc-change")
                .json("{\"role\":\"LEADER\",\"password\":\"cache-test-password-2\"}").send().statusCode())
                .isEqualTo(200);
        assertThat(checksDuring(() -> assertThat(me("bc-change", PASSWORD)).isEqualTo(401))).isEqualTo(1);
        assertThat(me("bc-change", "cache-test-password-2")).isEqualTo(200);
    }

    @Test
    void passwordChangedByAnotherNodeOrTheCli_oldPasswordRefusedAtOnce() {
        assertThat(me("bc-elsewhere", PASSWORD)).isEqualTo(200);
        Jdbi elsewhere = JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                APP.getConfiguration().getDatabase().getUser(), ""));
        new UserService(elsewhere, new PasswordHasher(4)).resetPassword("bc-elsewhere", "set-elsewhere-pw");
        assertThat(me("bc-elsewhere", PASSWORD)).isEqualTo(401);
        assertThat(me("bc-elsewhere", "set-elsewhere-pw")).isEqualTo(200);
    }

    @Test
    void disable_refusedAtOnce() {
        assertThat(me("bc-disable", PASSWORD)).isEqualTo(200);
        assertThat(office("PUT", "/api/users/bc-disable").json("{\"role\":\"LEADER\",\"enabled\":false}").send()
                .statusCode()).isEqualTo(200);
        assertThat(me("bc-disable", PASSWORD)).isEqualTo(401);
    }

    @Test
    void roleChange_appliesAtOnce() {
        assertThat(http.get("/api/users").basic("bc-role", PASSWORD).send().statusCode()).isEqualTo(403);
        assertThat(office("PUT", "/api/users/bc-role").json("{\"role\":\"OFFICE\"}").send().statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/users").basic("bc-role", PASSWORD).send().statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("/api/me").basic("bc-role", PASSWORD).send()).path("role").asText())
                .isEqualTo("OFFICE");
    }

    @Test
    void delete_refusedAtOnce() {
        assertThat(me("bc-delete", PASSWORD)).isEqualTo(200);
        assertThat(office("DELETE", "/api/users/bc-delete").send().statusCode()).isEqualTo(204);
        assertThat(me("bc-delete", PASSWORD)).isEqualTo(401);
    }

    @Test
    void afterTheTtl_checkedAgain() {
        assertThat(me("bc-ttl", PASSWORD)).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(59));
        assertThat(checksDuring(() -> assertThat(me("bc-ttl", PASSWORD)).isEqualTo(200))).isZero();
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(checksDuring(() -> assertThat(me("bc-ttl", PASSWORD)).isEqualTo(200))).isEqualTo(1);
    }

    @Test
    void parallelRequests_coldCache_oneBcryptCheck() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            long checks = checksDuring(() -> {
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    calls.add(() -> me("bc-burst", PASSWORD));
                }
                try {
                    for (Future<Integer> f : pool.invokeAll(calls)) {
                        assertThat(f.get()).isEqualTo(200);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(checks).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
