package org.egovmonitor.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.registry.UnitLeader;
import org.egovmonitor.registry.UnitLeaderDao;
import org.egovmonitor.testing.Http;
import org.egovmonitor.testing.TestApp;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the office keeps for the wording checks, through the running app: the units' leaders (registry) and the
 * dismissal of false-positive findings (误报), which leaves the finding out of the next score, is kept, listed and
 * audited; a department may read both for its own unit and change neither.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WordingOfficeApiTest {

    static final TestPostgres.TestDatabase DB = TestPostgres.newDatabase();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(DB, false,
            ConfigOverride.config("scheduler.enabled", "false"));
    static final String UNIT = "wd-unit";
    static final String PASSWORD = "wording-pass";

    static Http http;
    static Jdbi jdbi;

    @BeforeAll
    static void unitUserAndScore() {
        http = new Http(APP.getLocalPort());
        jdbi = DB.jdbi();
        ok(office("POST", "/api/units", "{\"code\":\"" + UNIT + "\",\"name\":\"青山县自然资源局\",\"kind\":\"DEPARTMENT\"}"),
                201);
        ok(office("POST", "/api/sites", "{\"url\":\"http://zrzy.qingshan.gov.cn/\",\"name\":\"青山县自然资源局\","
                + "\"kind\":\"DEPARTMENT\",\"unitCode\":\"" + UNIT + "\"}"), 201);
        ok(office("POST", "/api/users", "{\"username\":\"dept-wd\",\"role\":\"DEPARTMENT\",\"password\":\""
                + PASSWORD + "\",\"unitCode\":\"" + UNIT + "\"}"), 201);
    }

    static HttpResponse<String> office(String method, String path, String json) {
        Http.Request r = http.request(method, path).basic(TestApp.OFFICE_USER, TestApp.OFFICE_PASSWORD);
        return (json == null ? r : r.json(json)).send();
    }

    static HttpResponse<String> department(String method, String path, String json) {
        Http.Request r = http.request(method, path).basic("dept-wd", PASSWORD);
        return (json == null ? r : r.json(json)).send();
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Http.json(r);
    }

    @Test
    void leaders_officeReplaces_departmentReads_crawlWorkerSeesThemBySite() {
        String leaders = "{\"leaders\":[{\"name\":\"张华\",\"post\":\"局长\"},{\"name\":\" 王强 \",\"post\":\"副局长\"}]}";

        JsonNode saved = ok(office("PUT", "/api/units/" + UNIT + "/leaders", leaders), 200);
        assertThat(department("PUT", "/api/units/" + UNIT + "/leaders", leaders).statusCode()).isEqualTo(403);
        JsonNode read = ok(department("GET", "/api/units/" + UNIT + "/leaders", null), 200);
        JsonNode bad = ok(office("PUT", "/api/units/" + UNIT + "/leaders",
                "{\"leaders\":[{\"name\":\"张华\",\"post\":\"局长\"},{\"name\":\"张华\",\"post\":\"\"}]}"), 422);

        assertThat(saved).isEqualTo(read);
        assertThat(read.findValuesAsText("name")).containsExactly("张华", "王强");
        assertThat(bad.findValuesAsText("field")).containsExactly("leaders[1].name", "leaders[1].post");
        long site = jdbi.withHandle(h -> h.createQuery("SELECT id FROM sites WHERE unit_code = ?").bind(0, UNIT)
                .mapTo(Long.class).one());
        List<UnitLeader> ofSite = jdbi.withExtension(UnitLeaderDao.class, d -> d.ofSite(site));
        java.util.Optional<String> unitName = jdbi.withExtension(UnitLeaderDao.class, d -> d.unitNameOfSite(site));
        assertThat(ofSite).containsExactly(new UnitLeader("张华", "局长", 0), new UnitLeader("王强", "副局长", 1));
        assertThat(unitName).contains("青山县自然资源局");
    }

    @Test
    void dismissal_officeOnly_findingGoneFromTheNextScore_keptListedAndAudited() {
        LocalDate today = LocalDate.now(APP.getConfiguration().zoneId());
        ok(office("POST", "/api/scoring/snapshot?date=" + today, "{}"), 200);
        JsonNode findings = ok(office("GET", "/api/units/" + UNIT + "/scorecard", null), 200).at("/score/findings");
        assertThat(findings.size()).as("a bare unit loses points").isGreaterThan(0);
        JsonNode finding = findings.get(0);
        String body = "{\"indicator\":\"" + finding.get("indicator").asText() + "\",\"kind\":\""
                + finding.get("kind").asText() + "\",\"siteUrl\":" + finding.get("siteUrl") + ",\"evidenceUrl\":"
                + finding.at("/evidence/url") + ",\"reason\":\"“截止”在此句中为截止日期，用法正确\"}";
        String path = "/api/units/" + UNIT + "/findings/dismissals";

        assertThat(department("POST", path, body).statusCode()).isEqualTo(403);
        assertThat(office("POST", path, body.replaceAll(",\"reason\":\"[^\"]*\"", "")).statusCode())
                .as("reason required").isEqualTo(422);
        JsonNode d = ok(office("POST", path, body), 201);
        assertThat(office("POST", path, body).statusCode()).as("once").isEqualTo(409);

        assertThat(d.get("dismissedBy").asText()).isEqualTo(TestApp.OFFICE_USER);
        assertThat(d.get("message").asText()).isEqualTo(finding.get("message").asText());
        JsonNode after = ok(office("GET", "/api/units/" + UNIT + "/scorecard", null), 200).at("/score/findings");
        assertThat(after.size()).isEqualTo(findings.size() - 1);
        after.forEach(f -> assertThat(List.of(f.get("indicator").asText(), f.get("kind").asText(),
                f.at("/evidence/url").asText())).isNotEqualTo(List.of(finding.get("indicator").asText(),
                finding.get("kind").asText(), finding.at("/evidence/url").asText())));
        JsonNode listed = ok(department("GET", path, null), 200);
        assertThat(listed.findValuesAsText("reason")).containsExactly("“截止”在此句中为截止日期，用法正确");
        long audited = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE path = ? AND status"
                + " = 201 AND username = ?").bind(0, path).bind(1, TestApp.OFFICE_USER).mapTo(Long.class).one());
        long refused = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE path = ? AND status"
                + " = 403 AND username = 'dept-wd'").bind(0, path).mapTo(Long.class).one());
        assertThat(audited).isOne();
        assertThat(refused).isOne();
    }
}
