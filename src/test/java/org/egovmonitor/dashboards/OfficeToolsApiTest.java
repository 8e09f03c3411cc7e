package org.egovmonitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.egovmonitor.auth.AuditAction;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The office tools' API through the running app (scheduler and crawl workers on, sites on 127.0.0.1): assigning an
 * unmatched 信息报送 source moves its articles to the unit; availability per site with its newest failure; the audit
 * log filtered by user, action and dates, its actions named; re-crawling one unit now, one round at a time with a 409
 * that says whose round runs. Leaders and departments are refused the office's tools.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfficeToolsApiTest {

    static final TestPostgres.TestDatabase DB = TestPostgres.newDatabase();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.crawlingLoopback(DB);
    static final String PASSWORD = "office-tools-pass";
    static final String LEADER = "ot-leader";
    static final String DEPT = "ot-dept";

    static OfficeToolsFixture fixture;
    static Http http;
    static Jdbi jdbi;
    static LocalDate today;

    @BeforeAll
    static void seed() {
        today = LocalDate.now(APP.getConfiguration().zoneId());
        fixture = OfficeToolsFixture.start();
        jdbi = DB.jdbi();
        http = new Http(APP.getLocalPort());
        fixture.seed(jdbi, today);
        ok(office("POST", "/api/users", """
                {"username":"%s","role":"LEADER","password":"%s"}""".formatted(LEADER, PASSWORD)), 201);
        ok(office("POST", "/api/users", """
                {"username":"%s","role":"DEPARTMENT","unitCode":"%s","password":"%s"}"""
                .formatted(DEPT, OfficeToolsFixture.SITE_UNIT, PASSWORD)), 201);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static HttpResponse<String> office(String method, String path, String json) {
        Http.Request r = http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
        return (json == null ? r : r.json(json)).send();
    }

    static HttpResponse<String> as(String user, String method, String path) {
        Http.Request r = http.request(method, path).basic(user, PASSWORD);
        return (method.equals("GET") ? r : r.json("{}")).send();
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Http.json(r);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int last30(String unit) {
        for (JsonNode u : ok(office("GET", "/api/contributions", null), 200).get("units")) {
            if (u.get("code").asText().equals(unit)) {
                return u.get("last30Days").asInt();
            }
        }
        throw new AssertionError("no unit " + unit);
    }

    @Test
    void assigningAnUnmatchedSource_countsItsArticlesForTheUnit_andTheAuditLogNamesIt() {
        JsonNode unmapped = ok(office("GET", "/api/contributions/unmapped", null), 200);
        assertThat(unmapped).anySatisfy(s -> {
            assertThat(s.get("source").asText()).isEqualTo(OfficeToolsFixture.SOURCE);
            assertThat(s.get("items").asInt()).isEqualTo(OfficeToolsFixture.SOURCE_ITEMS);
        });
        assertThat(last30(OfficeToolsFixture.NKY)).isZero();
        Instant before = Instant.now();

        JsonNode unit = ok(office("POST", "/api/contributions/unmapped/" + enc(OfficeToolsFixture.SOURCE) + "/assign",
                "{\"unitCode\":\"" + OfficeToolsFixture.NKY + "\"}"), 200);
        assertThat(unit.get("aliases").toString()).contains(OfficeToolsFixture.SOURCE);
        assertThat(last30(OfficeToolsFixture.NKY)).isEqualTo(OfficeToolsFixture.SOURCE_ITEMS);
        assertThat(ok(office("GET", "/api/contributions/unmapped", null), 200).findValuesAsText("source"))
                .doesNotContain(OfficeToolsFixture.SOURCE);

        // the audit log: filtered to that action, user and today, it is the newest row, named and with its target
        JsonNode rows = ok(office("GET", "/api/audit?action=CONTRIBUTION_ASSIGN&user=" + TestApp.OFFICE_USER
                + "&from=" + today + "&to=" + today, null), 200);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action").asText()).isEqualTo("CONTRIBUTION_ASSIGN");
        assertThat(rows.get(0).get("target").asText()).isEqualTo(OfficeToolsFixture.SOURCE);
        assertThat(rows.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(rows.get(0).get("at").asText()).toInstant().plusSeconds(5)).isAfter(before);
        assertThat(ok(office("GET", "/api/labels", null), 200).at("/AuditAction/CONTRIBUTION_ASSIGN").asText())
                .isEqualTo("将信息来源归入单位");
        // other filters leave it out: another user, another action, a day range that ended yesterday
        assertThat(ok(office("GET", "/api/audit?action=CONTRIBUTION_ASSIGN&user=ot-nobody", null), 200)).isEmpty();
        assertThat(ok(office("GET", "/api/audit?action=JOB_TRIGGER", null), 200).findValuesAsText("action"))
                .allMatch("JOB_TRIGGER"::equals);
        assertThat(ok(office("GET", "/api/audit?action=CONTRIBUTION_ASSIGN&to=" + today.minusDays(1), null), 200))
                .isEmpty();
        // OTHER is what no named action matches; the user creations are USER_CHANGE, not OTHER
        assertThat(ok(office("GET", "/api/audit?action=OTHER", null), 200).findValuesAsText("action"))
                .allMatch("OTHER"::equals);
        assertThat(ok(office("GET", "/api/audit?action=USER_CHANGE", null), 200)).hasSizeGreaterThanOrEqualTo(2);
        // paging: newest first, the second page goes on where the first stopped
        List<Long> all = ids(ok(office("GET", "/api/audit?limit=4", null), 200));
        List<Long> paged = new ArrayList<>(ids(ok(office("GET", "/api/audit?limit=2", null), 200)));
        paged.addAll(ids(ok(office("GET", "/api/audit?limit=2&offset=2", null), 200)));
        assertThat(paged).isEqualTo(all).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(office("GET", "/api/audit?action=NOPE", null).statusCode()).isEqualTo(422);
        assertThat(office("GET", "/api/audit?from=2026-13-01", null).statusCode()).isEqualTo(422);
        assertThat(office("GET", "/api/audit?from=" + today + "&to=" + today.minusDays(1), null).statusCode())
                .isEqualTo(422);
        assertThat(office("GET", "/api/audit?offset=-1", null).statusCode()).isEqualTo(422);
    }

    static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    @Test
    void auditActions_nameEveryKindOfWrite() {
        assertThat(AuditAction.of("POST", "/api/jobs/crawl-round/units/czs-jw")).isEqualTo(AuditAction.UNIT_RECRAWL);
        assertThat(AuditAction.target("POST", "/api/jobs/crawl-round/units/czs-jw")).isEqualTo("czs-jw");
        assertThat(AuditAction.of("POST", "/api/jobs/crawl-round/trigger")).isEqualTo(AuditAction.JOB_TRIGGER);
        assertThat(AuditAction.of("PUT", "/api/units/czs-jw/node")).isEqualTo(AuditAction.NODE_CHANGE);
        assertThat(AuditAction.of("PUT", "/api/units/czs-jw")).isEqualTo(AuditAction.UNIT_CHANGE);
        assertThat(AuditAction.of("POST", "/auth/login")).isEqualTo(AuditAction.LOGIN);
        assertThat(AuditAction.target("POST", "/auth/login")).isNull();
        assertThat(AuditAction.of("POST", "/api/units/a/rectification/tasks/12/recheck"))
                .isEqualTo(AuditAction.TASK_RECHECK);
        assertThat(AuditAction.target("POST", "/api/units/a/rectification/tasks/12/recheck")).isEqualTo("a / 12");
        assertThat(AuditAction.of("PATCH", "/api/whatever")).isEqualTo(AuditAction.OTHER);
    }

    @Test
    void availability_perSite_withUptimeNewestFailureAndResponseTime() {
        JsonNode rows = ok(office("GET", "/api/availability?unit=" + OfficeToolsFixture.SITE_UNIT, null), 200);
        assertThat(rows).hasSize(1);
        JsonNode a = rows.get(0);
        assertThat(a.get("probes").asInt()).isEqualTo(10);
        assertThat(a.get("failures").asInt()).isEqualTo(2);
        assertThat(a.get("failureShare").asDouble()).isEqualTo(0.2);
        assertThat(a.get("lastErrorKind").asText()).isEqualTo("CONNECT_REFUSED");
        assertThat(Instant.parse(a.get("lastFailureAt").asText())).isEqualTo(OfficeToolsFixture.newestFailure(jdbi));
        assertThat(a.get("avgResponseMs").asLong()).isEqualTo(150);
        assertThat(a.get("unitName").asText()).isEqualTo(OfficeToolsFixture.SITE_UNIT_NAME);
        assertThat(a.get("siteName").asText()).isEqualTo("办公工具测试局网站");
        // every unit's without the filter; the other unit's site was never probed
        JsonNode all = ok(office("GET", "/api/availability", null), 200);
        assertThat(all.findValuesAsText("unitCode")).contains(OfficeToolsFixture.SITE_UNIT,
                OfficeToolsFixture.OTHER_UNIT);
        for (JsonNode r : all) {
            if (r.get("unitCode").asText().equals(OfficeToolsFixture.OTHER_UNIT)) {
                assertThat(r.get("probes").asInt()).isZero();
                assertThat(r.get("failureShare").isNull()).isTrue();
                assertThat(r.get("lastFailureAt").isNull()).isTrue();
            }
        }
    }

    @Test
    void recrawlingOneUnit_oneRoundAtATime_the409SaysWhoseRoundRuns() throws Exception {
        CountDownLatch arrived = fixture.holdRequests();
        JsonNode started;
        try {
            started = ok(office("POST", "/api/jobs/crawl-round/units/" + OfficeToolsFixture.SITE_UNIT, null), 202);
            assertThat(started.get("total").asInt()).isEqualTo(1);
            long runId = started.get("runId").asLong();
            assertThat(arrived.await(20, TimeUnit.SECONDS)).as("the site was requested").isTrue();

            JsonNode running = ok(office("GET", "/api/jobs/crawl-round/running", null), 200);
            assertThat(running).hasSize(1);
            assertThat(running.get(0).get("unitCode").asText()).isEqualTo(OfficeToolsFixture.SITE_UNIT);
            assertThat(running.get(0).get("unitName").asText()).isEqualTo(OfficeToolsFixture.SITE_UNIT_NAME);

            // the same unit again: no second round, the answer names the running one
            JsonNode again = ok(office("POST", "/api/jobs/crawl-round/units/" + OfficeToolsFixture.SITE_UNIT, null),
                    409);
            assertThat(again.get("message").asText()).startsWith("该单位的重新采集正在进行（第 "
                    + started.get("roundId").asLong() + " 轮");
            assertThat(again.get("errors").toString()).contains("\"runId\"", "\"" + runId + "\"");
            // another unit: told whose round it waits for
            assertThat(ok(office("POST", "/api/jobs/crawl-round/units/" + OfficeToolsFixture.OTHER_UNIT, null), 409)
                    .get("message").asText()).startsWith("单位“" + OfficeToolsFixture.SITE_UNIT_NAME + "”的采集正在进行");
            long rounds = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM crawl_rounds").mapTo(Long.class)
                    .one());
            assertThat(rounds).isOne();
        } finally {
            fixture.release();
        }
        long runId = started.get("runId").asLong();
        Await.until("the re-crawl's run ends", Duration.ofSeconds(30), () -> !Http.json(office("GET",
                "/api/jobs/runs/" + runId, null)).get("status").asText().equals("RUNNING"));
        JsonNode run = ok(office("GET", "/api/jobs/runs/" + runId, null), 200);
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("cause").asText()).isEqualTo("RECRAWL");
        long siteId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM sites WHERE unit_code = ?")
                .bind(0, OfficeToolsFixture.SITE_UNIT).mapTo(Long.class).one());
        assertThat(office("GET", "/api/sites/" + siteId + "/measurements/latest", null).statusCode()).isEqualTo(200);
        Await.until("no round running", Duration.ofSeconds(30),
                () -> Http.json(office("GET", "/api/jobs/crawl-round/running", null)).isEmpty());
        assertThat(office("POST", "/api/jobs/crawl-round/units/ot-none", null).statusCode()).isEqualTo(404);

        // while the city's round runs, a unit's re-crawl is told so, with the round's progress
        CountDownLatch cityArrived = fixture.holdRequests();
        long cityRun;
        try {
            long cityRound = ok(office("POST", "/api/jobs/crawl-round/trigger", ""), 202).get("roundId").asLong();
            assertThat(cityArrived.await(20, TimeUnit.SECONDS)).isTrue();
            JsonNode refused = ok(office("POST", "/api/jobs/crawl-round/units/" + OfficeToolsFixture.SITE_UNIT, null),
                    409);
            assertThat(refused.get("message").asText()).startsWith("全市抓取正在进行（第 " + cityRound + " 轮，已完成 ")
                    .endsWith("个站点），结束后才能重新采集该单位");
            JsonNode running = ok(office("GET", "/api/jobs/crawl-round/running", null), 200);
            assertThat(running.get(0).get("unitCode").isNull()).isTrue();
            assertThat(running.get(0).get("total").asInt()).isEqualTo(2);
            cityRun = running.get(0).get("runId").asLong();
        } finally {
            fixture.release();
        }
        Await.until("the city round's run ends", Duration.ofSeconds(30), () -> !Http.json(office("GET",
                "/api/jobs/runs/" + cityRun, null)).get("status").asText().equals("RUNNING"));
    }

    @Test
    void leaderAndDepartment_areRefusedTheOfficeTools() {
        for (String user : List.of(LEADER, DEPT)) {
            assertThat(as(user, "GET", "/api/audit").statusCode()).as(user).isEqualTo(403);
            assertThat(as(user, "GET", "/api/contributions/unmapped").statusCode()).as(user).isEqualTo(403);
            assertThat(as(user, "POST", "/api/contributions/unmapped/" + enc(OfficeToolsFixture.SOURCE) + "/assign")
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(as(user, "POST", "/api/jobs/crawl-round/units/" + OfficeToolsFixture.SITE_UNIT).statusCode())
                    .as(user).isEqualTo(403);
            assertThat(as(user, "GET", "/api/jobs/crawl-round/running").statusCode()).as(user).isEqualTo(403);
        }
        // availability is the leader's to read too, never a department's
        assertThat(as(LEADER, "GET", "/api/availability").statusCode()).isEqualTo(200);
        assertThat(as(DEPT, "GET", "/api/availability?unit=" + OfficeToolsFixture.SITE_UNIT).statusCode())
                .isEqualTo(403);
    }
}
