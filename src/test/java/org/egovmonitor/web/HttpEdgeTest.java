package org.egovmonitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.RawHttp;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge of the running app (demo registry, one stored ranking day), over real sockets: body caps, the
 * container's own error responses, hostile parameters and non-finite numbers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpEdgeTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final String BASIC = "Authorization: " + TestApp.OFFICE_BASIC;
    static final int MIB = 1 << 20;
    static final ObjectMapper JSON = new ObjectMapper();
    static Http http;
    static RawHttp raw;

    @BeforeAll
    static void start() {
        http = new Http(APP.getLocalPort());
        raw = new RawHttp(APP.getLocalPort());
        assertThat(office(http.post("/api/scoring/snapshot?date=2024-06-30")).statusCode()).isEqualTo(200);
    }

    /** Whatever a test sent, the server keeps answering ordinary requests. */
    @AfterEach
    void serverStillAnswers() {
        assertThat(office(http.get("/api/me")).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> office(Http.Request request) {
        return request.basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD).send();
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    private static void assertSecurityHeaders(RawHttp.Answer answer) {
        assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    private static void assertTooLarge(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(json(answer).path("message").asText()).startsWith("请求体过大");
        assertSecurityHeaders(answer);
    }

    /** The login form's Origin check compares with the Host header, which RawHttp sends as 127.0.0.1:port. */
    private static String origin() {
        return "Origin: http://127.0.0.1:" + APP.getLocalPort();
    }

    @Nested
    class BodyCaps {

        @Test
        void loginForm_declaredOverCap_413WithoutReadingTheBody() {
            // Only the head is sent: an answer proves the server did not wait for (or read) the 100 MB.
            assertTooLarge(raw.exchange("POST /auth/login HTTP/1.1\r\n" + origin()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 100 * MIB,
                    new byte[0]));
        }

        @Test
        void json_declaredOverCap_413WithoutReadingTheBody() {
            assertTooLarge(raw.exchange("POST /api/units HTTP/1.1\r\n" + BASIC
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (64 * 1024 + 1), new byte[0]));
        }

        @Test
        void json_chunkedOverCap_413NamingTheCap() {
            RawHttp.Answer answer = raw.exchange("POST /api/units HTTP/1.1\r\n" + BASIC
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                    RawHttp.chunked(200 * 1024, 8192, ' '));
            assertTooLarge(answer);
            assertThat(json(answer).path("message").asText()).isEqualTo("请求体过大（上限 64 KB）");
        }

        @Test
        void loginForm_chunkedOverCap_413() {
            assertTooLarge(raw.exchange("POST /auth/login HTTP/1.1\r\n" + origin()
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked",
                    RawHttp.chunked(200 * 1024, 8192, 'a')));
        }

        @Test
        void json_underCap_readAndValidated() {
            byte[] body = ("{\"code\":\"edge-big\",\"name\":\"" + "名".repeat(20_000) + "\",\"kind\":\"DEPARTMENT\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = raw.exchange("POST /api/units HTTP/1.1\r\n" + BASIC
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body);
            assertThat(answer.status()).as(answer.body()).isNotEqualTo(413).isLessThan(500);
        }

        @Test
        void csvUpload_overBodyCapUnderUploadCap_read() {
            RawHttp.Answer answer = raw.exchange("POST /api/coverage/survey HTTP/1.1\r\n" + BASIC
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked", RawHttp.chunked(MIB, 8192, 'x'));
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        }

        @Test
        void csvUpload_declaredOverUploadCap_413() {
            assertTooLarge(raw.exchange("POST /api/coverage/survey HTTP/1.1\r\n" + BASIC
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + (10 * MIB + 1), new byte[0]));
        }
    }

    @Nested
    class ContainerErrors {

        @Test
        void malformedUri_400JsonWithSecurityHeaders() {
            RawHttp.Answer answer = raw.exchange("GET /api/units/%zz HTTP/1.1", new byte[0]);
            assertThat(answer.status()).isEqualTo(400);
            assertSecurityHeaders(answer);
            assertThat(json(answer).path("message").asText()).isEqualTo("请求格式不正确");
        }

        @Test
        void oversizedHeaders_431WithSecurityHeaders() {
            RawHttp.Answer answer = raw.exchange("GET /api/units HTTP/1.1\r\nX-Padding: " + "p".repeat(64 * 1024),
                    new byte[0]);
            assertThat(answer.status()).isEqualTo(431);
            assertSecurityHeaders(answer);
            assertThat(json(answer).path("message").asText()).isEqualTo("请求头过大");
        }
    }

    @Nested
    class Parameters {

        @Test
        void rankings_nulInQuery_anonymous401_office422NamingIt() {
            assertThat(http.get("/api/rankings?q=%00").send().statusCode()).isEqualTo(401);
            assertNamed(office(http.get("/api/rankings?q=a%00b")), "q");
        }

        @Test
        void rankings_farOffset_emptyPage() {
            HttpResponse<String> r = office(http.get("/api/rankings?offset=2147483647"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Http.json(r).path("rows")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"limit=-1", "limit=2147483648", "offset=-1", "date=%2B100000-01-01",
                "date=2024-02-30", "group=%00"})
        void rankings_badNumberOrDate_422NamingIt(String query) {
            assertNamed(office(http.get("/api/rankings?" + query)), query.substring(0, query.indexOf('=')));
        }

        @Test
        void coverageHistory_fiveDigitYear_422NamingIt() {
            assertNamed(office(http.get("/api/coverage/history?from=%2B10000-01")), "from");
        }

        @Test
        void site_idNotANumber_422NamingIt() {
            assertNamed(office(http.get("/api/sites/99999999999999999999")), "id");
        }

        /** Jetty refuses an encoded NUL in a path before routing: no parameter to name, but the API's JSON. */
        @Test
        void unit_nulInPath_400FromTheContainer() {
            RawHttp.Answer answer = raw.exchange("GET /api/units/a%00b HTTP/1.1\r\n" + BASIC, new byte[0]);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(json(answer).path("message").asText()).isEqualTo("请求格式不正确");
            assertSecurityHeaders(answer);
        }

        @Test
        void login_nulInUsername_400FromTheLoginItself() {
            // The login refuses it itself (400) so that it can still audit the attempt (AuthFlowTest): the edge
            // check leaves a @ChecksControlCharacters method's form alone instead of answering 422 first.
            HttpResponse<String> r = http.post("/auth/login").header("Origin", http.origin())
                    .header("Accept", "application/json").form(Map.of("username", "a\u0000b", "password", "x"))
                    .send();
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("控制字符");
        }

        @Test
        void jsonString_nul_422NamingTheField() {
            assertNamed(office(http.post("/api/units").json(
                    "{\"code\":\"edge-nul\",\"name\":\"a\\u0000b\",\"kind\":\"DEPARTMENT\"}")), "name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "\"+100000-01-01\""})
        void whatIf_dateOutOfRange_422NamingIt(String date) {
            assertNamed(office(http.post("/api/scoring/what-if").json("{\"date\":" + date + "}")), "date");
        }
    }

    @Nested
    class NonFiniteNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400", "-1e400"})
        void whatIf_nonFiniteWeight_422NamingIt(String value) {
            assertNamed(office(http.post("/api/scoring/what-if").json("{\"weights\":{\"availability\":" + value
                    + "}}")), "weights.availability");
        }

        @Test
        void whatIf_nonFiniteThreshold_422NamingIt() {
            assertNamed(office(http.post("/api/scoring/what-if").json(
                    "{\"thresholds\":{\"availability\":{\"probeWindowDays\":\"NaN\"}}}")),
                    "thresholds.availability.probeWindowDays");
        }
    }

    private static void assertNamed(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isIn(400, 422);
        assertThat(Http.json(r).path("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
}
