package org.egovmonitor.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.Http.Session;
import org.egovmonitor.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login, sessions, CSRF, headers, user administration, unit isolation and the audit log, over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthFlowTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);
    static final String PASSWORD = "correct-horse-battery";
    static Http http;

    @BeforeAll
    static void fixtures() {
        http = new Http(APP.getLocalPort());
        for (String unit : List.of("af-a", "af-b")) {
            assertThat(office("POST", "/api/units").json("{\"code\":\"" + unit + "\",\"name\":\"单位" + unit
                    + "\",\"kind\":\"DEPARTMENT\"}").send().statusCode()).isEqualTo(201);
        }
        createUser("af-leader", "LEADER", null);
        createUser("af-dept-a", "DEPARTMENT", "af-a");
        createUser("af-dept-b", "DEPARTMENT", "af-b");
    }

    static Http.Request office(String method, String path) {
        return http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
    }

    static void createUser(String username, String role, String unit) {
        String unitJson = unit == null ? "" : ",\"unitCode\":\"" + unit + "\"";
        HttpResponse<String> r = office("POST", "/api/users").json("{\"username\":\"" + username + "\",\"role\":\""
                + role + "\",\"password\":\"" + PASSWORD + "\"" + unitJson + "}").send();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static Jdbi jdbi() {
        return JdbiSetup.configure(Jdbi.create(APP.getConfiguration().getDatabase().getUrl(),
                APP.getConfiguration().getDatabase().getUser(), ""));
    }

    @Nested
    class Login {

        @Test
        void login_rightPassword_sessionCookieHttpOnlyLaxNotSecureOverHttp() {
            Session s = http.login("af-leader", PASSWORD);
            assertThat(s.cookie()).matches("[A-Za-z0-9_-]{43}");
            assertThat(s.setCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                    .contains("Path=/").doesNotContainIgnoringCase("Secure");
            JsonNode me = Http.json(http.get("/api/me").session(s).send());
            assertThat(me.path("username").asText()).isEqualTo("af-leader");
            assertThat(me.path("role").asText()).isEqualTo("LEADER");
            assertThat(me.path("authMethod").asText()).isEqualTo("SESSION");
            assertThat(me.path("csrfToken").asText()).isEqualTo(s.csrf()).isNotEqualTo(s.cookie());
        }

        @Test
        void me_department_showsUnitAndName() {
            JsonNode me = Http.json(http.get("/api/me").session(http.login("af-dept-a", PASSWORD)).send());
            assertThat(me.path("role").asText()).isEqualTo("DEPARTMENT");
            assertThat(me.path("unitCode").asText()).isEqualTo("af-a");
            assertThat(me.path("unitName").asText()).isEqualTo("单位af-a");
        }

        @Test
        void login_wrongPasswordOrUnknownUser_same401Message() {
            HttpResponse<String> wrong = loginAttempt("af-dept-b", "wrong-password-1");
            HttpResponse<String> unknown = loginAttempt("no-such-user", "wrong-password-1");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(Http.json(wrong).path("message").asText()).isEqualTo("用户名或密码错误")
                    .isEqualTo(Http.json(unknown).path("message").asText());
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        }

        @Test
        void login_plainFormPost_redirectsToLocalNextOnly() {
            HttpResponse<String> r = http.post("/auth/login").header("Origin", http.origin())
                    .form(Map.of("username", "af-leader", "password", PASSWORD, "next", "/leader.html")).send();
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/leader.html");
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("egov_session=");

            HttpResponse<String> evil = http.post("/auth/login").header("Origin", http.origin())
                    .form(Map.of("username", "af-leader", "password", PASSWORD, "next", "//evil.example/x")).send();
            assertThat(evil.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
        }

        @Test
        void login_foreignOrMissingOrigin_403LoginCsrf() {
            HttpResponse<String> foreign = http.post("/auth/login").header("Origin", "http://evil.example")
                    .header("Accept", "application/json")
                    .form(Map.of("username", "af-leader", "password", PASSWORD)).send();
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();
            HttpResponse<String> none = http.post("/auth/login").header("Accept", "application/json")
                    .form(Map.of("username", "af-leader", "password", PASSWORD)).send();
            assertThat(none.statusCode()).isEqualTo(403);
            HttpResponse<String> referer = http.post("/auth/login").header("Referer", http.origin() + "/login.html")
                    .header("Accept", "application/json")
                    .form(Map.of("username", "af-leader", "password", PASSWORD)).send();
            assertThat(referer.statusCode()).isEqualTo(200);
        }

        @Test
        void logout_withToken_endsSessionAndClearsCookie() {
            Session s = http.login("af-leader", PASSWORD);
            HttpResponse<String> out = http.post("/auth/logout").session(s).csrf(s)
                    .header("Accept", "application/json").send();
            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
        }

        @Test
        void logout_formWithoutToken_403AndSessionLives_withFieldToken_303() {
            Session s = http.login("af-leader", PASSWORD);
            assertThat(http.post("/auth/logout").session(s).form(Map.of()).send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(200);
            HttpResponse<String> out = http.post("/auth/logout").session(s).form(Map.of("_csrf", s.csrf())).send();
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location").orElseThrow()).contains("/login.html");
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
        }

        @Test
        void forgedCookie_isAnonymous() {
            assertThat(http.get("/api/me").header("Cookie", "egov_session=" + "A".repeat(43)).send().statusCode())
                    .isEqualTo(401);
        }

        @Test
        void basicAuth_wrongPassword_401WithoutBrowserChallenge() {
            HttpResponse<String> r = http.get("/api/units").basic("af-leader", "nope-nope-nope").send();
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        }

        private HttpResponse<String> loginAttempt(String user, String password) {
            return http.post("/auth/login").header("Origin", http.origin()).header("Accept", "application/json")
                    .form(Map.of("username", user, "password", password)).send();
        }
    }

    @Nested
    class Csrf {

        private static final String UNIT = "{\"code\":\"%s\",\"name\":\"CSRF 测试\",\"kind\":\"DEPARTMENT\"}";

        @Test
        void sessionWrite_withoutToken_403_wrongToken_403_withToken_201() {
            Session s = http.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
            assertThat(http.post("/api/units").session(s).json(UNIT.formatted("csrf-a")).send().statusCode())
                    .isEqualTo(403);
            assertThat(http.post("/api/units").session(s).header("X-CSRF-Token", "x" + s.csrf())
                    .json(UNIT.formatted("csrf-a")).send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/units/csrf-a").session(s).send().statusCode()).isEqualTo(404);
            assertThat(http.post("/api/units").session(s).csrf(s).json(UNIT.formatted("csrf-a")).send().statusCode())
                    .isEqualTo(201);
        }

        @Test
        void basicAuthWrite_withoutCookie_exempt() {
            assertThat(office("POST", "/api/units").json(UNIT.formatted("csrf-b")).send().statusCode()).isEqualTo(201);
        }

        @Test
        void basicAuthWrite_withSessionCookieToo_stillNeedsToken() {
            Session s = http.login("af-leader", PASSWORD);
            assertThat(office("POST", "/api/units").session(s).json(UNIT.formatted("csrf-c")).send().statusCode())
                    .isEqualTo(403);
        }

        @Test
        void tokenOfAnotherSession_403() {
            Session a = http.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
            Session b = http.login(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
            assertThat(http.post("/api/units").session(a).csrf(b).json(UNIT.formatted("csrf-d")).send().statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Headers {

        @ParameterizedTest
        @ValueSource(strings = {"/login.html", "/login.css", "/api/me", "/api/units", "/", "/no-such-page.html",
                "/api/no-such-thing"})
        void everyResponse_carriesSecurityHeaders(String path) {
            HttpResponse<String> r = http.get(path).send();
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }

        /** The office's tab scripts sit one folder down; they are served like the other scripts. */
        @ParameterizedTest
        @ValueSource(strings = {"/office.js", "/office/ranking.js", "/office/whatif.js", "/scorecard.js"})
        void dashboardScript_public_javascript_cacheable(String path) throws IOException {
            HttpResponse<String> r = http.get(path).send();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
            assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).isEmpty();
            assertThat(r.body()).isEqualTo(Files.readString(Path.of("dashboards" + path), StandardCharsets.UTF_8));
        }

        @Test
        void apiAndAuth_noStore() {
            assertThat(office("GET", "/api/units").send().headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(http.post("/auth/logout").send().headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void authenticatedApiAnswer_carriesHeaders() {
            HttpResponse<String> r = office("GET", "/api/units").send();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        }
    }

    @Nested
    class Pages {

        @Test
        void home_anonymous_redirectsToLogin_loggedIn_servesPage() {
            HttpResponse<String> anon = http.get("/").send();
            assertThat(anon.statusCode()).isEqualTo(303);
            assertThat(anon.headers().firstValue("Location").orElseThrow()).contains("/login.html?next=%2F");
            HttpResponse<String> in = http.get("/").session(http.login("af-leader", PASSWORD)).send();
            assertThat(in.statusCode()).isEqualTo(200);
            assertThat(in.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        }

        @Test
        void loginPage_publicChineseForm() {
            HttpResponse<String> r = http.get("/login.html").send();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("登录").contains("action=\"/auth/login\"").contains("src=\"/login.js\"");
        }

        @Test
        void api_anonymous_401Json_notRedirect() {
            HttpResponse<String> r = http.get("/api/units").send();
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Http.json(r).path("message").asText()).isEqualTo("请先登录");
        }

        @Test
        void pathTraversal_notServed() {
            assertThat(http.get("/..%2Fconfig.yml").send().statusCode()).isIn(303, 400, 404);
            assertThat(http.get("/x/../../config.yml.css").send().statusCode()).isIn(400, 404);
        }
    }

    @Nested
    class Isolation {

        @Test
        void department_readsOwnUnitOnly() {
            Session a = http.login("af-dept-a", PASSWORD);
            assertThat(http.get("/api/units/af-a").session(a).send().statusCode()).isEqualTo(200);
            assertThat(http.get("/api/units/af-a/liaisons").session(a).send().statusCode()).isEqualTo(200);
            assertThat(http.get("/api/units/af-b").session(a).send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/units/af-b/liaisons").session(a).send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/units/af-b/node").session(a).send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/nodes").session(a).send().statusCode()).isEqualTo(403);
        }

        @Test
        void department_cannotWriteRegistry_evenOwnUnit() {
            Session a = http.login("af-dept-a", PASSWORD);
            String body = "{\"name\":\"改名\",\"kind\":\"DEPARTMENT\"}";
            assertThat(http.request("PUT", "/api/units/af-a").session(a).csrf(a).json(body).send().statusCode())
                    .isEqualTo(403);
            assertThat(http.request("PUT", "/api/units/af-b").session(a).csrf(a).json(body).send().statusCode())
                    .isEqualTo(403);
            assertThat(http.request("DELETE", "/api/units/af-b/liaison").session(a).csrf(a).send().statusCode())
                    .isEqualTo(403);
        }

        @Test
        void leader_readsEverything_writesNothing() {
            Session l = http.login("af-leader", PASSWORD);
            assertThat(http.get("/api/units/af-b").session(l).send().statusCode()).isEqualTo(200);
            assertThat(http.get("/api/nodes").session(l).send().statusCode()).isEqualTo(200);
            assertThat(http.post("/api/units").session(l).csrf(l).json("{}").send().statusCode()).isEqualTo(403);
            assertThat(http.get("/api/users").session(l).send().statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Users {

        @Test
        void create_invalid_422WithFields() {
            HttpResponse<String> r = office("POST", "/api/users").json(
                    "{\"username\":\"A B\",\"role\":\"DEPARTMENT\",\"password\":\"short\"}").send();
            assertThat(r.statusCode()).isEqualTo(422);
            List<String> fields = new ArrayList<>();
            Http.json(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).containsExactlyInAnyOrder("username", "password", "unitCode");
            HttpResponse<String> badRole = office("POST", "/api/users").json(
                    "{\"username\":\"ok-name\",\"role\":\"KING\",\"password\":\"long-enough-pw\"}").send();
            assertThat(badRole.statusCode()).isEqualTo(422);
            HttpResponse<String> noUnit = office("POST", "/api/users").json(
                    "{\"username\":\"ok-name\",\"role\":\"DEPARTMENT\",\"unitCode\":\"nowhere\","
                            + "\"password\":\"long-enough-pw\"}").send();
            assertThat(Http.json(noUnit).path("errors").get(0).path("field").asText()).isEqualTo("unitCode");
        }

        @Test
        void create_duplicate_409() {
            createUser("u-dup", "LEADER", null);
            assertThat(office("POST", "/api/users").json("{\"username\":\"u-dup\",\"role\":\"LEADER\","
                    + "\"password\":\"long-enough-pw\"}").send().statusCode()).isEqualTo(409);
        }

        @Test
        void list_neverShowsHashes_andStoredHashIsBcrypt() {
            String body = office("GET", "/api/users").send().body();
            assertThat(body).contains("af-dept-a").doesNotContain("$2").doesNotContain("password");
            String hash = jdbi().withHandle(h -> h.createQuery(
                    "SELECT password_hash FROM users WHERE username = 'af-dept-a'").mapTo(String.class).one());
            assertThat(hash).startsWith("$2b$04$").doesNotContain(PASSWORD).hasSize(60);
        }

        @Test
        void deleteOrDemoteYourself_409() {
            assertThat(office("DELETE", "/api/users/" + TestApp.OFFICE_USER).send().statusCode()).isEqualTo(409);
            assertThat(office("PUT", "/api/users/" + TestApp.OFFICE_USER).json("{\"role\":\"LEADER\"}").send()
                    .statusCode()).isEqualTo(409);
        }

        @Test
        void lastOfficeAccount_cannotBeDeleted() {
            UserService service = new UserService(jdbi(), new PasswordHasher(4));
            assertThatThrownBy(() -> service.delete(TestApp.OFFICE_USER, null)).isInstanceOf(ConflictException.class);
        }

        @Test
        void update_changesUnit_endsSessions_delete_thenLoginFails() {
            createUser("u-move", "DEPARTMENT", "af-a");
            Session s = http.login("u-move", PASSWORD);
            HttpResponse<String> moved = office("PUT", "/api/users/u-move")
                    .json("{\"role\":\"DEPARTMENT\",\"unitCode\":\"af-b\",\"displayName\":\"搬走\"}").send();
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(Http.json(moved).path("unitCode").asText()).isEqualTo("af-b");
            assertThat(http.get("/api/me").session(s).send().statusCode()).isEqualTo(401);
            Session again = http.login("u-move", PASSWORD);
            assertThat(http.get("/api/units/af-b").session(again).send().statusCode()).isEqualTo(200);

            assertThat(office("DELETE", "/api/users/u-move").send().statusCode()).isEqualTo(204);
            assertThat(http.get("/api/me").session(again).send().statusCode()).isEqualTo(401);
            assertThat(office("GET", "/api/users/u-move").send().statusCode()).isEqualTo(404);
        }

        @Test
        void disabledUser_cannotLogIn() {
            createUser("u-off", "LEADER", null);
            assertThat(office("PUT", "/api/users/u-off").json("{\"role\":\"LEADER\",\"enabled\":false}").send()
                    .statusCode()).isEqualTo(200);
            assertThat(http.get("/api/units").basic("u-off", PASSWORD).send().statusCode()).isEqualTo(401);
        }

        @Test
        void unitWithDepartmentAccount_cannotBeDeleted() {
            assertThat(office("DELETE", "/api/units/af-b").send().statusCode()).isEqualTo(409);
        }
    }

    @Nested
    class ControlCharacters {

        private HttpResponse<String> login(String user, String password) {
            return http.post("/auth/login").header("Origin", http.origin()).header("Accept", "application/json")
                    .form(Map.of("username", user, "password", password)).send();
        }

        private JsonNode auditRow(String method, String path, String escapedUser) {
            JsonNode rows = Http.json(office("GET", "/api/audit?limit=100").send());
            for (JsonNode r : rows) {
                if (r.path("method").asText().equals(method) && r.path("path").asText().equals(path)
                        && r.path("username").asText().equals(escapedUser)) {
                    return r;
                }
            }
            throw new AssertionError("no audit row " + method + " " + path + " " + escapedUser + " in " + rows);
        }

        @Test
        void login_nulInUsername_400_auditedWithTheNameEscaped() {
            HttpResponse<String> r = login("af-leader\u0000x", PASSWORD);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Http.json(r).path("message").asText()).isEqualTo("用户名或密码含有不允许的控制字符");
            assertThat(auditRow("POST", "/auth/login", "af-leader\\u0000x").path("status").asInt()).isEqualTo(400);
        }

        @Test
        void login_lineBreakInUsername_400_auditedEscaped() {
            String forged = "cc-bob\nINFO  [2030-01-01] org.egovmonitor: cc-admin logged in";
            assertThat(login(forged, PASSWORD).statusCode()).isEqualTo(400);
            String escaped = "cc-bob\\nINFO  [2030-01-01] org.egovmonitor: cc-admin logged in";
            assertThat(auditRow("POST", "/auth/login", escaped).path("status").asInt()).isEqualTo(400);
        }

        @Test
        void login_controlCharacterInPassword_400() {
            assertThat(login("af-leader", PASSWORD + "\u0007").statusCode()).isEqualTo(400);
            assertThat(login("af-leader", "\u0000").statusCode()).isEqualTo(400);
        }

        @Test
        void basicAuth_nulInUsername_400_writeAuditedEscaped() {
            HttpResponse<String> r = http.post("/api/units").basic("cc-x\u0000y", "whatever-password")
                    .json("{}").send();
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(auditRow("POST", "/api/units", "cc-x\\u0000y").path("status").asInt()).isEqualTo(400);
        }
    }

    @Nested
    class SessionsAndPasswords {

        private Session loginWithCookie(String user, String password, Session previous) {
            HttpResponse<String> r = http.post("/auth/login").session(previous).header("Origin", http.origin())
                    .header("Accept", "application/json").form(Map.of("username", user, "password", password))
                    .send();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            return new Session(cookie.substring("egov_session=".length(), cookie.indexOf(';')),
                    Http.json(r).path("csrfToken").asText(), cookie);
        }

        @Test
        void loginAgain_endsTheSessionThisBrowserHad_otherDevicesKeepTheirs() {
            Session otherDevice = http.login("af-leader", PASSWORD);
            Session first = http.login("af-leader", PASSWORD);
            Session second = loginWithCookie("af-leader", PASSWORD, first);
            assertThat(second.cookie()).isNotEqualTo(first.cookie());
            assertThat(http.get("/api/me").session(first).send().statusCode()).isEqualTo(401);
            assertThat(http.get("/api/me").session(second).send().statusCode()).isEqualTo(200);
            assertThat(http.get("/api/me").session(otherDevice).send().statusCode()).isEqualTo(200);
        }

        @Test
        void loginAsSomeoneElse_inTheSameBrowser_endsThePreviousUsersSession() {
            Session leader = http.login("af-leader", PASSWORD);
            Session dept = loginWithCookie("af-dept-a", PASSWORD, leader);
            assertThat(http.get("/api/me").session(leader).send().statusCode()).isEqualTo(401);
            assertThat(Http.json(http.get("/api/me").session(dept).send()).path("username").asText())
                    .isEqualTo("af-dept-a");
        }

        @Test
        void department_changesItsOwnPassword_withTheCurrentOne_sessionsEnd() {
            createUser("sp-dept", "DEPARTMENT", "af-a");
            Session session = http.login("sp-dept", PASSWORD);
            String path = "/api/me/password";

            HttpResponse<String> none = http.request("PUT", path).basic("sp-dept", PASSWORD)
                    .json("{\"password\":\"sp-dept-new-pass-7\"}").send();
            assertThat(none.statusCode()).isEqualTo(422);
            assertThat(Http.json(none).path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
            HttpResponse<String> common = http.request("PUT", path).basic("sp-dept", PASSWORD)
                    .json("{\"currentPassword\":\"" + PASSWORD + "\",\"password\":\"1234567890\"}").send();
            assertThat(common.statusCode()).isEqualTo(422);
            assertThat(Http.json(common).path("errors").get(0).path("field").asText()).isEqualTo("password");
            assertThat(http.get("/api/me").session(session).send().statusCode()).isEqualTo(200);

            HttpResponse<String> right = http.request("PUT", path).basic("sp-dept", PASSWORD)
                    .json("{\"currentPassword\":\"" + PASSWORD + "\",\"password\":\"sp-dept-new-pass-7\"}")
                    .send();
            assertThat(right.statusCode()).as(right.body()).isEqualTo(204);
            assertThat(http.get("/api/me").session(session).send().statusCode()).isEqualTo(401);
            assertThat(http.get("/api/me").basic("sp-dept", PASSWORD).send().statusCode()).isEqualTo(401);
            assertThat(http.get("/api/me").basic("sp-dept", "sp-dept-new-pass-7").send().statusCode())
                    .isEqualTo(200);
        }

        @Test
        void ownPasswordChange_needsTheCurrentPassword() {
            createUser("sp-office", "OFFICE", null);
            try {
                changeOwnPassword();
            } finally {
                // A second office account would let Users.lastOfficeAccount_cannotBeDeleted delete the first.
                assertThat(office("DELETE", "/api/users/sp-office").send().statusCode()).isEqualTo(204);
            }
        }

        private void changeOwnPassword() {
            String change = "{\"role\":\"OFFICE\",\"password\":\"sp-new-password-1\"%s}";
            HttpResponse<String> none = http.request("PUT", "/api/users/sp-office").basic("sp-office", PASSWORD)
                    .json(change.formatted("")).send();
            assertThat(none.statusCode()).isEqualTo(422);
            assertThat(Http.json(none).path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
            assertThat(Http.json(none).path("errors").get(0).path("reason").asText()).contains("当前密码");
            HttpResponse<String> wrong = http.request("PUT", "/api/users/sp-office").basic("sp-office", PASSWORD)
                    .json(change.formatted(",\"currentPassword\":\"not-the-password\"")).send();
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(Http.json(wrong).path("errors").get(0).path("reason").asText()).isEqualTo("当前密码不正确");
            assertThat(http.get("/api/me").basic("sp-office", PASSWORD).send().statusCode()).isEqualTo(200);

            HttpResponse<String> right = http.request("PUT", "/api/users/sp-office").basic("sp-office", PASSWORD)
                    .json(change.formatted(",\"currentPassword\":\"" + PASSWORD + "\"")).send();
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            assertThat(http.get("/api/me").basic("sp-office", "sp-new-password-1").send().statusCode())
                    .isEqualTo(200);
            // Somebody else's password is set without it (the office resets a forgotten one).
            assertThat(office("PUT", "/api/users/sp-office").json("{\"role\":\"OFFICE\",\"password\":"
                    + "\"sp-reset-password-2\"}").send().statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"qwertyuiop", "1234567890", "Password123", "1QAZ2WSX3EDC", "woaini1314"})
        void commonPassword_refused422(String common) {
            HttpResponse<String> r = office("POST", "/api/users").json("{\"username\":\"sp-common\","
                    + "\"role\":\"LEADER\",\"password\":\"" + common + "\"}").send();
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(Http.json(r).path("errors").get(0).path("field").asText()).isEqualTo("password");
            assertThat(Http.json(r).path("errors").get(0).path("reason").asText()).contains("过于常见");
        }

        @Test
        void passwordEqualToUsernameOrDisplayName_refused422() {
            HttpResponse<String> byName = office("POST", "/api/users").json("{\"username\":\"sp-samename1\","
                    + "\"role\":\"LEADER\",\"password\":\"SP-SameName1\"}").send();
            assertThat(byName.statusCode()).isEqualTo(422);
            assertThat(Http.json(byName).path("errors").get(0).path("reason").asText()).contains("用户名或显示名称");
            HttpResponse<String> byDisplay = office("POST", "/api/users").json("{\"username\":\"sp-display\","
                    + "\"displayName\":\"chizhou-xinxi-ban\",\"role\":\"LEADER\","
                    + "\"password\":\"chizhou-xinxi-ban\"}").send();
            assertThat(byDisplay.statusCode()).isEqualTo(422);
            HttpResponse<String> ok = office("POST", "/api/users").json("{\"username\":\"sp-display\","
                    + "\"displayName\":\"chizhou-xinxi-ban\",\"role\":\"LEADER\","
                    + "\"password\":\"amber-kettle-orbit\"}").send();
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        }
    }

    @Nested
    class Audit {

        @Test
        void writes_recordedWithWhoWhatStatus_readsNot() {
            office("POST", "/api/units").json("{\"code\":\"audit-x\",\"name\":\"审计\",\"kind\":\"DEPARTMENT\"}").send();
            Session a = http.login("af-dept-a", PASSWORD);
            http.request("DELETE", "/api/units/af-b").session(a).csrf(a).send();
            http.post("/auth/login").header("Origin", http.origin()).header("Accept", "application/json")
                    .form(Map.of("username", "af-dept-b", "password", "bad-password-x")).send();
            office("GET", "/api/units").send();
            office("POST", "/api/no-such-endpoint").json("{}").send();

            JsonNode rows = Http.json(office("GET", "/api/audit?limit=50").send());
            JsonNode created = find(rows, "POST", "/api/units", TestApp.OFFICE_USER);
            assertThat(created.path("status").asInt()).isEqualTo(201);
            assertThat(created.path("role").asText()).isEqualTo("OFFICE");
            assertThat(created.path("authMethod").asText()).isEqualTo("BASIC");
            assertThat(created.path("clientIp").asText()).isNotBlank();
            assertThat(find(rows, "DELETE", "/api/units/af-b", "af-dept-a").path("status").asInt()).isEqualTo(403);
            assertThat(find(rows, "POST", "/auth/login", "af-dept-b").path("status").asInt()).isEqualTo(401);
            assertThat(find(rows, "POST", "/api/no-such-endpoint", TestApp.OFFICE_USER).path("status").asInt())
                    .isEqualTo(404);
            rows.forEach(r -> assertThat(r.path("method").asText()).isNotEqualTo("GET"));
        }

        @Test
        void auditLog_officeOnly_andAppendOnly() {
            assertThat(http.get("/api/audit").basic("af-leader", PASSWORD).send().statusCode()).isEqualTo(403);
            assertThat(office("GET", "/api/audit?limit=0").send().statusCode()).isEqualTo(422);
            assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("UPDATE audit_log SET status = 200")))
                    .hasMessageContaining("append-only");
        }

        private JsonNode find(JsonNode rows, String method, String path, String user) {
            for (JsonNode r : rows) {
                if (r.path("method").asText().equals(method) && r.path("path").asText().equals(path)
                        && r.path("username").asText().equals(user)) {
                    return r;
                }
            }
            throw new AssertionError("no audit row " + method + " " + path + " " + user + " in " + rows);
        }
    }
}
