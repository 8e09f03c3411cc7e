package org.egovmonitor.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 整改 loop through the running app, with the scheduler and crawl workers on, against homepages served on
 * 127.0.0.1: a veto becomes a task, the department replies and asks for a re-check, the re-check crawls that unit
 * only and re-scores it, and the task closes itself when the site was fixed or goes back with the new evidence.
 * Appeals go through the review flow and change the score only when accepted. Each unit owns one homepage whose
 * newest dated item the test sets; the units are independent, so the groups need no order among themselves.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RectificationApiTest {

    static final TestPostgres.TestDatabase DB = TestPostgres.newDatabase();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.crawlingLoopback(DB);
    static final String PASSWORD = "rectification-pass";
    /** Units: fixed between issue and re-check, never fixed, appealing, and one without a site. */
    static final List<String> UNITS = List.of("rc-fixed", "rc-stale", "rc-appeal", "rc-access", "rc-other");

    static UnitHomepages sites;
    static Http http;
    static Jdbi jdbi;
    static LocalDate today;

    @BeforeAll
    static void unitsSitesUsersAndFirstRound() throws Exception {
        today = LocalDate.now(APP.getConfiguration().zoneId());
        sites = UnitHomepages.start();
        http = new Http(APP.getLocalPort());
        jdbi = DB.jdbi();
        for (String unit : UNITS) {
            if (unit.equals("rc-other")) {
                jdbi.useHandle(h -> h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, ?,"
                        + " 'DEPARTMENT', 'DEPARTMENTS')", unit, "整改测试" + unit));
            } else {
                sites.register(jdbi, unit, today.minusDays(60));
            }
            assertThat(office("POST", "/api/users", "{\"username\":\"" + user(unit) + "\",\"role\":\"DEPARTMENT\","
                    + "\"password\":\"" + PASSWORD + "\",\"unitCode\":\"" + unit + "\"}").statusCode()).isEqualTo(201);
        }
        assertThat(office("POST", "/api/jobs/crawl-round/trigger", "").statusCode()).isEqualTo(202);
        Await.until("the first round's snapshot", Duration.ofSeconds(90), () -> count(
                "SELECT count(*) FROM unit_scores WHERE day = ? AND unit_code = 'rc-appeal'", today) == 1);
    }

    @AfterAll
    static void stop() {
        if (sites != null) {
            sites.close();
        }
    }

    static String siteUrl(String unit) {
        return sites.url(unit);
    }

    static String user(String unit) {
        return "dept-" + unit;
    }

    static HttpResponse<String> office(String method, String path, String json) {
        Http.Request r = http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
        return (json == null ? r : r.json(json)).send();
    }

    static HttpResponse<String> department(String unit, String method, String path, String json) {
        Http.Request r = http.request(method, path).basic(user(unit), PASSWORD);
        return (json == null ? r : r.json(json)).send();
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Http.json(r);
    }

    static long count(String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    /** The unit's latest scorecard finding of the homepage indicator of {@code kind}. */
    static JsonNode homepageFinding(String unit, String kind) {
        for (JsonNode f : ok(office("GET", "/api/units/" + unit + "/scorecard", null), 200).at("/score/findings")) {
            if (f.get("indicator").asText().equals("homepage_freshness") && f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        return null;
    }

    static String ref(String unit, JsonNode finding) {
        return "{\"unitCode\":\"" + unit + "\",\"indicator\":\"" + finding.get("indicator").asText() + "\",\"kind\":\""
                + finding.get("kind").asText() + "\",\"siteUrl\":" + finding.get("siteUrl") + ",\"evidenceUrl\":"
                + finding.at("/evidence/url") + "}";
    }

    static long issueVeto(String unit) {
        JsonNode veto = homepageFinding(unit, "VETO");
        assertThat(veto).as("veto of %s", unit).isNotNull();
        JsonNode result = ok(office("POST", "/api/rectification/tasks", "{\"findings\":[" + ref(unit, veto)
                + "],\"deadline\":\"" + today.plusDays(7) + "\",\"note\":\"请一周内整改\"}"), 201);
        // the bulk test may have issued it already: then it is named, not issued twice
        assertThat(result.get("issued").size() + result.get("alreadyOpen").size()).isOne();
        JsonNode task = result.get("issued").isEmpty() ? result.at("/alreadyOpen/0") : result.at("/issued/0");
        assertThat(task.get("evidenceDate").asText()).isEqualTo(today.minusDays(60).toString());
        assertThat(task.get("evidenceUrl").asText()).startsWith(siteUrl(unit));
        return task.get("id").asLong();
    }

    static JsonNode awaitStatus(long task, String status) throws InterruptedException {
        Await.until("task " + task + " " + status, Duration.ofSeconds(90), () -> Http.json(office("GET",
                "/api/rectification/tasks/" + task, null)).get("status").asText().equals(status));
        return Http.json(office("GET", "/api/rectification/tasks/" + task, null));
    }

    static List<String> steps(String unit, long task) {
        JsonNode timeline = ok(department(unit, "GET", "/api/units/" + unit + "/rectification/tasks/" + task
                + "/timeline", null), 200);
        return java.util.stream.StreamSupport.stream(timeline.spliterator(), false).map(s -> s.get("kind").asText())
                .toList();
    }

    /** Another unit's row of today; its place (rank) may move when a peer is re-scored, its score must not. */
    static String otherUnitRow() {
        return jdbi.withHandle(h -> h.createQuery("SELECT (to_jsonb(s) - 'rank' - 'rank_change')::text FROM unit_scores s"
                + " WHERE day = ? AND unit_code = 'rc-other'").bind(0, today).mapTo(String.class).one());
    }

    @Nested
    class Recheck {

        @Test
        void siteFixedBetweenIssueAndRecheck_recheckCrawlsThatUnit_taskClosesItself() throws Exception {
            long task = issueVeto("rc-fixed");
            String otherUnitBefore = otherUnitRow();
            long roundsBefore = count("SELECT count(*) FROM crawl_rounds");

            JsonNode replied = ok(department("rc-fixed", "POST", "/api/units/rc-fixed/rectification/tasks/" + task
                    + "/reply", "{\"text\":\"已恢复首页信息发布\"}"), 200);
            assertThat(replied.get("status").asText()).isEqualTo("REPLIED");
            sites.newest("rc-fixed", today);
            JsonNode rechecking = ok(department("rc-fixed", "POST", "/api/units/rc-fixed/rectification/tasks/" + task
                    + "/recheck", null), 200);
            assertThat(rechecking.get("status").asText()).isIn("RECHECKING", "CLOSED");

            JsonNode closed = awaitStatus(task, "CLOSED");
            assertThat(closed.get("closedAt").isNull()).isFalse();
            assertThat(closed.get("overdue").asBoolean()).isFalse();
            assertThat(count("SELECT count(*) FROM crawl_rounds")).isEqualTo(roundsBefore + 1);
            assertThat(count("SELECT count(*) FROM crawl_rounds r JOIN job_runs j ON j.id = r.run_id WHERE r.id = ?"
                    + " AND r.unit_code = 'rc-fixed' AND j.cause = 'RECHECK' AND j.total = 1 AND j.done = 1",
                    closed.get("recheckRoundId").asLong())).as("a crawl-round run of that unit's one site").isOne();
            assertThat(homepageFinding("rc-fixed", "VETO")).as("today's score re-computed").isNull();
            assertThat(otherUnitRow()).as("other units' rows unchanged").isEqualTo(otherUnitBefore);
            assertThat(steps("rc-fixed", task)).containsExactly("ISSUED", "REPLIED", "RECHECK_REQUESTED",
                    "RECHECK_STARTED", "RECHECK_FINISHED", "CLOSED");
        }

        @Test
        void siteNotFixed_taskGoesBackWithNewEvidence() throws Exception {
            long task = issueVeto("rc-stale");
            sites.newest("rc-stale", today.minusDays(40));

            ok(department("rc-stale", "POST", "/api/units/rc-stale/rectification/tasks/" + task + "/recheck", null),
                    200);

            JsonNode returned = awaitStatus(task, "RETURNED");
            assertThat(returned.get("evidenceDate").asText()).as("the new evidence")
                    .isEqualTo(today.minusDays(40).toString());
            assertThat(steps("rc-stale", task)).containsExactly("ISSUED", "RECHECK_REQUESTED", "RECHECK_STARTED",
                    "RECHECK_FINISHED", "RETURNED");
            JsonNode timeline = ok(office("GET", "/api/rectification/tasks/" + task + "/timeline", null), 200);
            assertThat(timeline.get(4).get("note").asText()).contains("问题仍在").contains(today.minusDays(40)
                    .toString());
        }
    }

    @Nested
    class Access {

        @Test
        void otherUnitsDepartment_cannotSeeOrActOnTheTask() {
            long task = issueVeto("rc-access");

            assertThat(department("rc-other", "GET", "/api/units/rc-access/rectification/tasks", null).statusCode())
                    .isEqualTo(403);
            assertThat(department("rc-other", "POST", "/api/units/rc-access/rectification/tasks/" + task + "/reply",
                    "{\"text\":\"x\"}").statusCode()).isEqualTo(403);
            assertThat(department("rc-other", "POST", "/api/units/rc-other/rectification/tasks/" + task + "/reply",
                    "{\"text\":\"x\"}").statusCode()).as("another unit's task under its own code").isEqualTo(404);
            assertThat(department("rc-other", "POST", "/api/units/rc-other/rectification/tasks/" + task + "/recheck",
                    null).statusCode()).isEqualTo(404);
            assertThat(department("rc-other", "GET", "/api/units/rc-other/rectification/tasks/" + task
                    + "/timeline", null).statusCode()).isEqualTo(404);
            assertThat(department("rc-other", "GET", "/api/rectification/tasks", null).statusCode()).isEqualTo(403);
            assertThat(department("rc-other", "POST", "/api/rectification/tasks/vetoed", "{\"deadline\":\""
                    + today.plusDays(3) + "\"}").statusCode()).isEqualTo(403);
            assertThat(Http.json(department("rc-other", "GET", "/api/units/rc-other/rectification/tasks", null)))
                    .isEmpty();
        }
    }

    @Nested
    class Appeals {

        @Test
        void rejectedAppeal_scoreUnchanged_acceptedAppeal_findingExcludedAndScoreRises() {
            JsonNode deduction = homepageFinding("rc-appeal", "DEDUCTION");
            assertThat(deduction).isNotNull();
            double before = ok(office("GET", "/api/units/rc-appeal/scorecard", null), 200).at("/score/total")
                    .asDouble();
            String body = ref("rc-appeal", deduction).replace("\"unitCode\":\"rc-appeal\",", "")
                    .replace("}", ",\"reason\":\"首页信息已在上级网站发布\"}");

            long first = ok(department("rc-appeal", "POST", "/api/units/rc-appeal/rectification/appeals", body), 201)
                    .get("id").asLong();
            assertThat(department("rc-appeal", "POST", "/api/units/rc-appeal/rectification/appeals", body)
                    .statusCode()).as("one pending appeal per finding").isEqualTo(409);
            assertThat(office("POST", "/api/rectification/appeals/" + first + "/reject", "{}").statusCode())
                    .as("a rejection needs a comment").isEqualTo(422);
            JsonNode rejected = ok(office("POST", "/api/rectification/appeals/" + first + "/reject",
                    "{\"comment\":\"证据不足\"}"), 200);
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            assertThat(ok(office("GET", "/api/units/rc-appeal/scorecard", null), 200).at("/score/total").asDouble())
                    .isEqualTo(before);
            assertThat(homepageFinding("rc-appeal", "DEDUCTION")).isNotNull();

            long second = ok(department("rc-appeal", "POST", "/api/units/rc-appeal/rectification/appeals", body), 201)
                    .get("id").asLong();
            JsonNode accepted = ok(office("POST", "/api/rectification/appeals/" + second + "/accept",
                    "{\"comment\":\"同意\"}"), 200);
            assertThat(accepted.get("status").asText()).isEqualTo("APPROVED");
            assertThat(office("POST", "/api/rectification/appeals/" + second + "/accept", "{}").statusCode())
                    .as("decided once").isEqualTo(409);

            assertThat(ok(office("GET", "/api/units/rc-appeal/scorecard", null), 200).at("/score/total").asDouble())
                    .isGreaterThan(before);
            assertThat(homepageFinding("rc-appeal", "DEDUCTION")).isNull();
            assertThat(homepageFinding("rc-appeal", "VETO")).as("only the appealed finding").isNotNull();
            assertThat(count("SELECT count(*) FROM audit_log WHERE path = ? AND status = 200 AND username = ?",
                    "/api/rectification/appeals/" + second + "/accept", TestApp.OFFICE_USER)).isOne();
            assertThat(count("SELECT count(*) FROM rectification_events WHERE appeal_id IN (?, ?)", first, second))
                    .as("filed, rejected, filed, accepted").isEqualTo(4);

            HttpResponse<String> csv = office("GET", "/api/rectification/appeals.csv?unit=rc-appeal", null);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body()).startsWith("\uFEFF申诉编号,单位编码,单位名称").contains("首页信息已在上级网站发布")
                    .contains("证据不足").contains("已通过").contains("已退回");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class BulkOverdueAndCsv {

        @Test
        @Order(1)
        void allVetoedUnits_oneTaskPerVetoOrTheOpenOneNamed() {
            JsonNode result = ok(office("POST", "/api/rectification/tasks/vetoed", "{\"deadline\":\""
                    + today.plusDays(5) + "\"}"), 201);

            List<String> units = new java.util.ArrayList<>();
            result.get("issued").forEach(t -> units.add(t.get("unitCode").asText()));
            result.get("alreadyOpen").forEach(t -> units.add(t.get("unitCode").asText()));
            long vetoed = count("SELECT count(*) FROM unit_scores WHERE day = ? AND vetoed", today);
            assertThat(units.stream().distinct().count()).isEqualTo(vetoed);
            assertThat(units).doesNotContain("rc-other");
            JsonNode again = ok(office("POST", "/api/rectification/tasks/vetoed", "{\"deadline\":\""
                    + today.plusDays(5) + "\"}"), 201);
            assertThat(again.get("issued")).as("issued twice is not issued again").isEmpty();
        }

        @Test
        @Order(2)
        void pastDeadline_flaggedOverdueListedAndOnTheTimeline() {
            long task = Http.json(office("GET", "/api/rectification/tasks?unit=rc-appeal", null)).get(0).get("id")
                    .asLong();
            // issued ten days ago with a deadline of yesterday
            jdbi.useHandle(h -> {
                h.execute("UPDATE rectification_tasks SET deadline = ? WHERE id = ?", today.minusDays(1), task);
                h.execute("UPDATE rectification_events SET at = at - interval '10 days' WHERE task_id = ?", task);
            });

            JsonNode overdue = ok(office("GET", "/api/rectification/tasks?overdue=true", null), 200);
            assertThat(overdue).anySatisfy(t -> assertThat(t.get("id").asLong()).isEqualTo(task));
            assertThat(overdue).allSatisfy(t -> assertThat(t.get("overdue").asBoolean()).isTrue());
            assertThat(steps("rc-appeal", task)).endsWith("OVERDUE");
        }

        @Test
        @Order(3)
        void tasksCsv_chineseHeadersAndTheReply() {
            long task = Http.json(office("GET", "/api/rectification/tasks?unit=rc-appeal", null)).get(0).get("id")
                    .asLong();
            ok(department("rc-appeal", "POST", "/api/units/rc-appeal/rectification/tasks/" + task + "/reply",
                    "{\"text\":\"已安排专人每周更新\"}"), 200);

            HttpResponse<String> csv = department("rc-appeal", "GET", "/api/units/rc-appeal/rectification/tasks.csv",
                    null);

            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("\uFEFF任务编号,单位编码,单位名称,指标,类型,问题").contains("整改测试rc-appeal")
                    .contains("首页更新").contains("单项否决").contains("已安排专人每周更新").contains("是");
            assertThat(office("GET", "/api/rectification/tasks.csv", null).body()).contains("rc-fixed");
        }
    }
}
