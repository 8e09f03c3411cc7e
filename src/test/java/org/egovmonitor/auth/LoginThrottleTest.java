package org.egovmonitor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.egovmonitor.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.Http.Session;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling and expiry with short timers. 127.0.0.1 is a trusted proxy here, so each test claims its own client
 * address with X-Forwarded-For and the per-IP counts of one test do not leak into another.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LoginThrottleTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false,
            ConfigOverride.config("auth.maxFailuresPerUser", "3"),
            ConfigOverride.config("auth.maxFailuresPerIp", "5"),
            ConfigOverride.config("auth.failureWindow", "3 seconds"),
            ConfigOverride.config("auth.sessionIdleTimeout", "2 seconds"),
            ConfigOverride.config("auth.sessionAbsoluteTimeout", "4 seconds"),
            ConfigOverride.config("auth.trustedProxies", "127.0.0.1,::1"));
    static final String PASSWORD = "throttle-test-pw";
    static Http http;

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String user : new String[] {"th-user", "th-ip", "th-basic", "th-idle", "th-abs"}) {
            HttpResponse<String> r = http.post("/api/users").basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD)
                    .json("{\"username\":\"" + user + "\",\"role\":\"LEADER\",\"password\":\"" + PASSWORD + "\"}")
                    .send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    static HttpResponse<String> attempt(String user, String password, String ip) {
        return http.post("/auth/login").header("Origin", http.origin()).header("Accept", "application/json")
                .header("X-Forwarded-For", ip).form(Map.of("username", user, "password", password)).send();
    }

    @Nested
    class Throttle {

        @Test
        void perUser_afterNFailures_429EvenForRightPassword_untilWindowPasses() throws Exception {
            for (int i = 0; i < 3; i++) {
                assertThat(attempt("th-user", "wrong-" + i, "10.0.0." + (i + 1)).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> blocked = attempt("th-user", PASSWORD, "10.0.0.9");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(Http.json(blocked).path("message").asText()).contains("登录失败次数过多").contains("秒后再试");
            long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 3L);

            Thread.sleep(retryAfter * 1000 + 300);
            assertThat(attempt("th-user", PASSWORD, "10.0.0.9").statusCode()).isEqualTo(200);
        }

        @Test
        void perIp_failuresAcrossNames_block429() {
            for (int i = 0; i < 5; i++) {
                assertThat(attempt("nobody-" + i, "wrong", "10.1.1.1").statusCode()).isEqualTo(401);
            }
            assertThat(attempt("th-ip", PASSWORD, "10.1.1.1").statusCode()).isEqualTo(429);
            assertThat(attempt("th-ip", PASSWORD, "10.1.1.2").statusCode()).isEqualTo(200);
        }

        @Test
        void basicAuth_sameThrottle() {
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/me").basic("th-basic", "wrong").header("X-Forwarded-For", "10.2.2." + i)
                        .send().statusCode()).isEqualTo(401);
            }
            HttpResponse<String> blocked = http.get("/api/me").basic("th-basic", PASSWORD)
                    .header("X-Forwarded-For", "10.2.2.9").send();
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Nested
    class Expiry {

        @Test
        void idleSession_expires() throws Exception {
            Session s = http.login("th-idle", PASSWORD);
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(200);
            Thread.sleep(2500);
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
        }

        @Test
        void activeSession_endsAtAbsoluteExpiry() throws Exception {
            Session s = http.login("th-abs", PASSWORD);
            long start = System.nanoTime();
            while (System.nanoTime() - start < 3_000_000_000L) {
                assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(200);
                Thread.sleep(700);
            }
            Thread.sleep(1300);
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
