package org.egovmonitor.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.Http.Session;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login delays and session expiry on a clock the test moves (no sleeping, no timing). 127.0.0.1 is a trusted proxy
 * here, so each test claims its own client addresses with X-Forwarded-For, and each test has its own accounts.
 * Settings: 3 free failures per name, 5 per address, then 2 s doubling up to 16 s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoginThrottleTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2030-03-01T08:00:00Z"));

    public static class App extends MovableClock.App {
        @Override
        MovableClock clock() {
            return CLOCK;
        }
    }

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(App.class, false,
            ConfigOverride.config("auth.maxFailuresPerUser", "3"),
            ConfigOverride.config("auth.maxFailuresPerIp", "5"),
            ConfigOverride.config("auth.failureWindow", "1 hour"),
            ConfigOverride.config("auth.failureDelay", "2 seconds"),
            ConfigOverride.config("auth.maxFailureDelay", "16 seconds"),
            ConfigOverride.config("auth.sessionIdleTimeout", "2 minutes"),
            ConfigOverride.config("auth.sessionAbsoluteTimeout", "10 minutes"),
            ConfigOverride.config("auth.trustedProxies", "127.0.0.1,::1"));
    static final String PASSWORD = "throttle-test-pw";
    static final List<String> USERS = List.of("th-grow", "th-clean", "th-ip", "th-basic", "th-unlock", "th-burst",
            "th-window", "th-idle", "th-abs", "th-shared", "th-stranger");
    static Http http;

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String user : USERS) {
            HttpResponse<String> r = office("POST", "/api/users")
                    .json("{\"username\":\"" + user + "\",\"role\":\"LEADER\",\"password\":\"" + PASSWORD + "\"}")
                    .send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    static Http.Request office(String method, String path) {
        // From its own address, so that no test's per-address count touches the office.
        return http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                .header("X-Forwarded-For", "10.250.0.1");
    }

    static HttpResponse<String> attempt(String user, String password, String ip) {
        return http.post("/auth/login").header("Origin", http.origin()).header("Accept", "application/json")
                .header("X-Forwarded-For", ip).form(Map.of("username", user, "password", password)).send();
    }

    static long retryAfter(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }

    static void fail(String user, String ip, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(attempt(user, "wrong-" + i, ip).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class PerName {

        @Test
        void afterFreeFailures_eachFurtherAttemptWaitsDoubleTheLast_upToTheCap() {
            fail("th-grow", "10.0.0.1", 3);
            HttpResponse<String> held = attempt("th-grow", PASSWORD, "10.0.0.1");
            assertThat(retryAfter(held)).isEqualTo(2);
            assertThat(Http.json(held).path("message").asText()).contains("登录失败次数过多").contains("2 秒后再试");

            long[] expected = {4, 8, 16, 16};
            long wait = 2;
            for (long next : expected) {
                CLOCK.advance(Duration.ofSeconds(wait - 1));
                assertThat(retryAfter(attempt("th-grow", PASSWORD, "10.0.0.1"))).isEqualTo(1);
                CLOCK.advance(Duration.ofSeconds(1));
                assertThat(attempt("th-grow", "wrong-again", "10.0.0.1").statusCode()).isEqualTo(401);
                assertThat(retryAfter(attempt("th-grow", PASSWORD, "10.0.0.1"))).isEqualTo(next);
                wait = next;
            }
            CLOCK.advance(Duration.ofSeconds(16));
            assertThat(attempt("th-grow", PASSWORD, "10.0.0.1").statusCode()).isEqualTo(200);
        }

        @Test
        void rightPassword_fromAnAddressThatNeverFailed_isNeverHeld() {
            fail("th-clean", "10.0.1.1", 3);
            assertThat(retryAfter(attempt("th-clean", PASSWORD, "10.0.1.1"))).isPositive();

            assertThat(attempt("th-clean", PASSWORD, "10.0.1.2").statusCode()).isEqualTo(200);
            // An address that fails becomes subject to the name's delay like any other.
            assertThat(attempt("th-clean", "wrong", "10.0.1.3").statusCode()).isEqualTo(401);
            assertThat(retryAfter(attempt("th-clean", PASSWORD, "10.0.1.3"))).isPositive();
            // The attacker's address still waits after the owner's success.
            assertThat(retryAfter(attempt("th-clean", PASSWORD, "10.0.1.1"))).isPositive();
        }

        @Test
        void parallelGuesses_getNoMoreTriesThanSequentialOnes() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Integer>> guesses = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String guess = "parallel-guess-" + i;
                    guesses.add(() -> attempt("th-burst", guess, "10.0.2.1").statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(guesses)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).filteredOn(s -> s == 401).hasSize(3);
                assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void failuresOlderThanTheWindow_areForgotten() {
            fail("th-window", "10.0.3.1", 3);
            assertThat(retryAfter(attempt("th-window", PASSWORD, "10.0.3.1"))).isEqualTo(2);
            CLOCK.advance(Duration.ofMinutes(61));
            fail("th-window", "10.0.3.1", 1);
            assertThat(attempt("th-window", PASSWORD, "10.0.3.1").statusCode()).isEqualTo(200);
        }

        @Test
        void basicAuth_sameDelays() {
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/me").basic("th-basic", "wrong").header("X-Forwarded-For", "10.2.2.1")
                        .send().statusCode()).isEqualTo(401);
            }
            HttpResponse<String> held = http.get("/api/me").basic("th-basic", PASSWORD)
                    .header("X-Forwarded-For", "10.2.2.1").send();
            assertThat(retryAfter(held)).isEqualTo(2);
            assertThat(http.get("/api/me").basic("th-basic", PASSWORD).header("X-Forwarded-For", "10.2.2.2").send()
                    .statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class PerAddress {

        @Test
        void failuresOverManyNames_delayThatAddressOnly_neverTheAccount() {
            for (int i = 0; i < 5; i++) {
                assertThat(attempt("nobody-" + i, "wrong", "10.1.1.1").statusCode()).isEqualTo(401);
            }
            assertThat(retryAfter(attempt("th-ip", PASSWORD, "10.1.1.1"))).isEqualTo(2);
            assertThat(attempt("th-ip", PASSWORD, "10.1.1.2").statusCode()).isEqualTo(200);
            CLOCK.advance(Duration.ofSeconds(2));
            assertThat(attempt("th-ip", PASSWORD, "10.1.1.1").statusCode()).isEqualTo(200);
        }

        @Test
        void sprayFromASharedAddress_doesNotHoldBackNamesThatSignedInThere() {
            // th-shared works behind the office's one address (NAT); then someone there sprays wrong passwords.
            assertThat(attempt("th-shared", PASSWORD, "10.1.2.1").statusCode()).isEqualTo(200);
            for (int i = 0; i < 8; i++) {
                attempt("spray-" + i, "wrong", "10.1.2.1");
            }
            assertThat(retryAfter(attempt("th-stranger", PASSWORD, "10.1.2.1"))).isPositive();
            assertThat(attempt("th-shared", PASSWORD, "10.1.2.1").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/me").basic("th-shared", PASSWORD).header("X-Forwarded-For", "10.1.2.1").send()
                    .statusCode()).isEqualTo(200);
            // Its own failures still count: a guesser on th-shared from there gets the per-name delays.
            fail("th-shared", "10.1.2.1", 3);
            assertThat(retryAfter(attempt("th-shared", "wrong-again", "10.1.2.1"))).isPositive();
        }
    }

    @Nested
    class Unlock {

        @Test
        void officeUnlock_liftsTheDelay_andIsAudited() {
            fail("th-unlock", "10.4.4.1", 3);
            assertThat(retryAfter(attempt("th-unlock", PASSWORD, "10.4.4.1"))).isPositive();

            HttpResponse<String> unlocked = office("POST", "/api/users/th-unlock/unlock").send();
            assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
            assertThat(Http.json(unlocked).path("clearedFailures").asInt()).isEqualTo(3);
            assertThat(attempt("th-unlock", PASSWORD, "10.4.4.1").statusCode()).isEqualTo(200);

            JsonNode audit = Http.json(office("GET", "/api/audit?limit=20").send());
            assertThat(audit.findValuesAsText("path")).contains("/api/users/th-unlock/unlock");
        }

        @Test
        void unlock_byLeader_403_unknownUser_404() {
            Session leader = http.login("th-ip", PASSWORD);
            assertThat(http.post("/api/users/th-unlock/unlock").session(leader).csrf(leader).send().statusCode())
                    .isEqualTo(403);
            assertThat(office("POST", "/api/users/no-such-user/unlock").send().statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Expiry {

        @Test
        void idleSession_expiresAfterTheIdleTimeout() {
            Session s = http.login("th-idle", PASSWORD);
            CLOCK.advance(Duration.ofSeconds(119));
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(200);
            CLOCK.advance(Duration.ofSeconds(121));
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
        }

        @Test
        void activeSession_endsAtAbsoluteExpiry() {
            Session s = http.login("th-abs", PASSWORD);
            for (int minute = 1; minute < 10; minute++) {
                CLOCK.advance(Duration.ofMinutes(1));
                assertThat(http.get("/api/me").session(s).send().statusCode()).as("minute " + minute).isEqualTo(200);
            }
            CLOCK.advance(Duration.ofMinutes(1));
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class ForwardedProto {

        @Test
        void httpsFromTrustedProxy_secureCookie() {
            HttpResponse<String> r = http.post("/auth/login").header("Origin", http.origin())
                    .header("Accept", "application/json").header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-For", "10.3.3.3")
                    .form(Map.of("username", "th-ip", "password", PASSWORD)).send();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("Secure");
        }
    }
}
