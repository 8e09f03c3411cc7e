package org.egovmonitor.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring API of the running service over the demo registry (no crawl data yet: website indicators 无数据). */
@ExtendWith(DropwizardExtensionsSupport.class)
class ScoringApiTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final OfficeApi API = new OfficeApi(APP);
    static final String DAY = "2024-06-30";

    private static Response get(String path) {
        return API.request(path).get();
    }

    private static Response post(String path, Object body) {
        return API.api(path).post(Entity.json(body));
    }

    private static String anyUnit() {
        return API.json(get("/api/units"), 200).get(0).path("code").asText();
    }

    @BeforeAll
    static void snapshot() {
        JsonNode summary = API.json(post("/api/scoring/snapshot?date=" + DAY, ""), 200);
        assertThat(summary.path("units").asInt()).isPositive();
    }

    @Test
    void rankings_latestDayByDefault_andByGroup() {
        JsonNode all = API.json(get("/api/rankings"), 200);
        assertThat(all.path("day").asText()).isEqualTo(DAY);
        assertThat(all.path("rows")).isNotEmpty();
        JsonNode counties = API.json(get("/api/rankings?group=COUNTIES&date=" + DAY), 200);
        // The demo registry's six county-level units (DemoRegistryTest), each ranked in its group.
        assertThat(counties.path("rows")).hasSize(6);
        counties.path("rows").forEach(r -> assertThat(r.path("peerGroup").asText()).isEqualTo("COUNTIES"));
    }

    @Test
    void rankings_pagedOnTheServer_withTotalsAndGroupSummaries() {
        JsonNode all = API.json(get("/api/rankings?limit=1000"), 200);
        int units = all.path("units").asInt();
        assertThat(all.path("rows")).hasSize(units);
        assertThat(units).isGreaterThan(100);
        JsonNode first = API.json(get("/api/rankings"), 200);
        assertThat(first.path("limit").asInt()).isEqualTo(100);
        assertThat(first.path("rows")).hasSize(100);
        JsonNode page = API.json(get("/api/rankings?offset=10&limit=5"), 200);
        assertThat(page.path("offset").asInt()).isEqualTo(10);
        for (int i = 0; i < 5; i++) {
            assertThat(page.path("rows").get(i)).isEqualTo(all.path("rows").get(10 + i));
        }
        JsonNode summary = API.json(get("/api/rankings?limit=0"), 200);
        assertThat(summary.path("rows")).isEmpty();
        int sum = 0;
        for (JsonNode g : summary.path("groups")) {
            sum += g.path("units").asInt();
            assertThat(g.path("label").asText()).isNotBlank();
        }
        assertThat(sum).isEqualTo(units);
    }

    @Test
    void rankings_filterAndSort_byQueryParameters() {
        JsonNode found = API.json(get("/api/rankings?q=%E5%8E%BF&sort=name&dir=desc&limit=1000"), 200);
        assertThat(found.path("units").asInt()).isPositive().isEqualTo(found.path("rows").size());
        String previous = null;
        for (JsonNode r : found.path("rows")) {
            assertThat(r.path("unitName").asText() + " " + r.path("unitCode").asText()).contains("县");
            if (previous != null) {
                assertThat(r.path("unitName").asText().compareTo(previous)).isLessThanOrEqualTo(0);
            }
            previous = r.path("unitName").asText();
        }
        JsonNode grade = API.json(get("/api/rankings?grade=not_rated&limit=1000"), 200);
        assertThat(grade.path("rows")).isNotEmpty();
        grade.path("rows").forEach(r -> assertThat(r.path("grade").asText()).isEqualTo("NOT_RATED"));
        Response csv = get("/api/rankings.csv?q=%E5%8E%BF&sort=name&dir=desc");
        String text = new String(csv.readEntity(byte[].class), StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(1 + found.path("units").asInt());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/rankings?sort=popularity, 422",
            "/api/rankings?dir=up, 422",
            "/api/rankings?limit=1001, 422",
            "/api/rankings?limit=-1, 422",
            "/api/rankings?offset=x, 422",
            "/api/rankings?grade=A, 422",
            "/api/rankings?group=PLANETS, 422",
            "/api/rankings?date=30-06-2024, 422",
            "/api/rankings?date=2001-01-01, 404",
            "/api/bottlenecks?group=x, 422",
            "/api/warnings?date=yesterday, 422",
            "/api/units/no-such-unit/scorecard, 404",
            "/api/units/no-such-unit/history, 404",
            "/api/units/no-such-unit/findings.csv, 404",
            "/api/rankings.csv?date=2001-01-01, 404"})
    void badParams_422_unknown_404(String path, int status) {
        API.json(get(path), status);
    }

    @Test
    void scorecardHistoryBottlenecksWarnings_200() {
        String code = anyUnit();
        JsonNode card = API.json(get("/api/units/" + code + "/scorecard"), 200);
        assertThat(card.path("score").path("indicators")).hasSize(ScoringFixtures.CATALOGUE.indicators().size());
        assertThat(card.path("score").path("indicators").findValuesAsText("state")).contains("NO_DATA");
        API.json(get("/api/units/" + code + "/scorecard?date=2001-01-01"), 404);
        assertThat(API.json(get("/api/units/" + code + "/history"), 200)).hasSize(1);
        assertThat(API.json(get("/api/bottlenecks"), 200).isArray()).isTrue();
        assertThat(API.json(get("/api/warnings?includeVetoes=true"), 200).isArray()).isTrue();
    }

    @Test
    void whatIf_returnsRankings_savesNothing() {
        JsonNode result = API.json(post("/api/scoring/what-if", Map.of("date", DAY, "weights", Map.of("liaison", 50))),
                200);
        assertThat(result.path("saved").asBoolean()).isFalse();
        assertThat(result.path("rankings")).isNotEmpty();
        assertThat(API.json(get("/api/units/" + anyUnit() + "/history"), 200)).hasSize(1);
        JsonNode bad = API.json(post("/api/scoring/what-if", Map.of("weights", Map.of("nope", 1))), 422);
        assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("weights.nope");
        API.json(post("/api/scoring/what-if", Map.of("weights", "heavy")), 422);
    }

    @Test
    void indicators_publishTheRulesInForce() {
        JsonNode rules = API.json(get("/api/indicators"), 200);
        assertThat(rules.path("version").asText()).isNotBlank();
        assertThat(rules.path("indicators")).hasSize(ScoringFixtures.CATALOGUE.indicators().size());
        for (String group : new String[] {"DEPARTMENTS", "COUNTIES", "COUNTY_DEPARTMENTS", "TOWNSHIPS"}) {
            double sum = 0;
            for (JsonNode i : rules.path("indicators")) {
                sum += i.path("weights").path(group).asDouble(0);
            }
            assertThat(sum).as(group).isEqualTo(100.0);
        }
        JsonNode availability = rules.path("indicators").get(0);
        assertThat(availability.path("name").asText()).isEqualTo("网站可用性");
        assertThat(availability.path("params").path("vetoAtPercent").asDouble()).isEqualTo(5.0);
    }

    @Test
    void whatIf_refusedOverride_422InChinese() {
        JsonNode bad = API.json(post("/api/scoring/what-if", Map.of("weights", Map.of("availability", 500))), 422);
        assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("weights.availability");
        assertThat(bad.path("errors").get(0).path("reason").asText()).contains("权重应在 0 到 100 之间");
    }

    @Test
    void snapshot_badDate_422() {
        API.json(post("/api/scoring/snapshot?date=tomorrow", ""), 422);
    }

    @Test
    void csvExports_utf8Bom_chineseHeaders() {
        Response r = get("/api/rankings.csv?date=" + DAY);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getMediaType().toString()).startsWith("text/csv");
        assertThat(r.getHeaderString("Content-Disposition")).contains("rankings-" + DAY + ".csv");
        byte[] bytes = r.readEntity(byte[].class);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.substring(1)).startsWith("日期,同类组,排名,名次变化,单位编码,单位名称,得分,等级");
        Response f = get("/api/units/" + anyUnit() + "/findings.csv");
        assertThat(f.getStatus()).isEqualTo(200);
        byte[] fb = f.readEntity(byte[].class);
        assertThat(fb).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(fb, StandardCharsets.UTF_8)).contains("指标,类型,扣分,观测值,标准,问题,整改建议");
    }
}
