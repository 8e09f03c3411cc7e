package org.egovmonitor.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5's API on the running service with the demo loaded: shapes and status codes. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CollectionApiTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final OfficeApi API = new OfficeApi(APP);

    private static List<String> fields(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("errors").forEach(e -> out.add(e.path("line").isMissingNode() ? e.path("field").asText()
                : e.path("line").asInt() + ":" + e.path("field").asText()));
        return out;
    }

    private static Map<String, Object> report(String date, int computers, int staff) {
        return Map.of("reportDate", date, "lanPresent", true, "computers", computers, "networkedComputers", 0,
                "staff", staff, "internetAccess", true, "oaInUse", true, "egovConnected", false,
                "systems", List.of("OA", "VIDEO_CONFERENCE"), "submittedBy", "测试");
    }

    @Test
    void coverage_currentAndHistory() {
        JsonNode current = API.get("/api/coverage", 200);
        assertThat(current.path("total").path("connected").asInt()).isEqualTo(19);
        assertThat(current.path("total").path("planned").asInt()).isEqualTo(30);
        assertThat(current.path("byCounty")).hasSize(6);
        assertThat(current.path("total").path("availability7d").path("text").asText()).isEqualTo("无数据");
        JsonNode history = API.get("/api/coverage/history?from=2002-06&to=2003-05", 200);
        assertThat(history.path("months").get(0).path("month").asText()).isEqualTo("2002-06");
        assertThat(history.path("months").get(0).path("connected").asInt()).isEqualTo(16);
        assertThat(history.path("months").get(10).path("connected").asInt()).isEqualTo(19);
        assertThat(history.path("months").get(11).path("planned").asInt()).isEqualTo(30);
        assertThat(fields(API.get("/api/coverage/history?from=2002/06", 422))).containsExactly("from");
        assertThat(fields(API.get("/api/coverage/history?from=2003-06&to=2003-01", 422))).containsExactly("from");
        assertThat(fields(API.get("/api/coverage/units?group=MARS", 422))).containsExactly("group");
    }

    @Test
    void survey_badCsv_422WithLines_goodCsvApplied() {
        Response bad = API.api("/api/coverage/survey").post(Entity.entity("单位编码,状态\nczs-gaj,已接入\nnope,规划\n",
                "text/csv"));
        assertThat(fields(API.json(bad, 422))).contains("2:接入日期", "3:单位编码");
        API.json(API.api("/api/coverage/survey").post(Entity.entity(" ", "text/csv")), 422);
        JsonNode ok = API.json(API.api("/api/coverage/survey").post(Entity.entity(
                "unitCode,status,phase\nczs-gaj,PLANNED,2\n", "text/csv")), 200);
        assertThat(ok.path("applied").asBoolean()).isTrue();
        assertThat(API.get("/api/units/czs-gaj/node", 200).path("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void survey_gbkBody_readWithOrWithoutCharset_wrongCharset422() {
        byte[] gbk = "单位编码,状态,期次\nczs-gaj,已接入,二期\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        JsonNode undeclared = API.json(API.api("/api/coverage/survey").post(Entity.entity(gbk, "text/csv")), 422);
        // Read as GBK: the only error is the connection date an 已接入 row needs, named in Chinese.
        assertThat(fields(undeclared)).containsExactly("2:接入日期");
        byte[] ok = "单位编码,状态,期次\nczs-gaj,规划,二期\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        API.json(API.api("/api/coverage/survey").post(Entity.entity(ok, "text/csv; charset=GBK")), 200);
        assertThat(API.get("/api/units/czs-gaj/node", 200).path("phase").asInt()).isEqualTo(2);
        JsonNode wrong = API.json(API.api("/api/coverage/survey").post(Entity.entity(ok, "text/csv; charset=UTF-8")),
                422);
        assertThat(wrong.path("errors").get(0).path("reason").asText()).contains("UTF-8");
    }

    @Test
    void selfReports_statuses() {
        API.post("/api/units/nope/self-reports", report("2003-05-01", 10, 10), 404);
        JsonNode invalid = API.post("/api/units/czs-rdb/self-reports", report("2999-01-01", -1, 10), 422);
        assertThat(fields(invalid)).contains("reportDate", "computers");
        API.json(API.api("/api/units/czs-rdb/self-reports").post(Entity.entity("{not json", MediaType.APPLICATION_JSON)),
                400);
        assertThat(fields(API.post("/api/units/czs-rdb/self-reports", Map.of("computers", "many"), 422)))
                .containsExactly("computers");

        JsonNode created = API.post("/api/units/czs-rdb/self-reports", report("2003-05-01", 10, 10), 201);
        long id = created.path("id").asLong();
        assertThat(created.path("status").asText()).isEqualTo("PENDING");
        assertThat(API.get("/api/self-reports?status=PENDING", 200).findValuesAsText("id")).contains(Long.toString(id));
        API.get("/api/self-reports?status=MAYBE", 422);
        JsonNode approved = API.post("/api/self-reports/" + id + "/approve", Map.of("reviewedBy", "信息中心"), 200);
        assertThat(approved.path("current").asBoolean()).isTrue();
        // The reviewer is the logged-in account, not whatever the request body claims.
        assertThat(approved.path("reviewedBy").asText()).isEqualTo(TestApp.OFFICE_USER);
        API.post("/api/self-reports/" + id + "/approve", Map.of(), 409);
        API.post("/api/self-reports/999999/approve", Map.of(), 404);

        long second = API.post("/api/units/czs-rdb/self-reports", report("2003-06-01", 12, 10), 201).path("id").asLong();
        assertThat(fields(API.post("/api/self-reports/" + second + "/reject", Map.of(), 422))).containsExactly("comment");
        assertThat(API.post("/api/self-reports/" + second + "/reject", Map.of("comment", "请核实"), 200)
                .path("status").asText()).isEqualTo("REJECTED");
        assertThat(API.get("/api/units/czs-rdb/self-reports", 200)).hasSize(2);

        JsonNode lan = API.get("/api/lan-status", 200);
        assertThat(lan.path("lan").path("有局域网").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(lan.path("computersPerStaff").path("无计算机").asInt()).isEqualTo(1);
    }

    @Test
    void liaisons_missingAndRequests() {
        JsonNode missing = API.get("/api/liaisons/missing", 200);
        assertThat(missing.size()).isGreaterThan(0);
        API.post("/api/units/nope/liaison-requests", Map.of("name", "甲", "since", "2003-05-01"), 404);
        assertThat(fields(API.post("/api/units/czs-tjj/liaison-requests", Map.of("name", ""), 422)))
                .contains("name", "since");
        long id = API.post("/api/units/czs-tjj/liaison-requests", Map.of("name", "新联络员", "since",
                java.time.LocalDate.now().toString()), 201).path("id").asLong();
        assertThat(API.get("/api/liaison-requests?status=PENDING", 200)).hasSize(1);
        API.post("/api/liaison-requests/" + id + "/approve", Map.of(), 200);
        API.post("/api/liaison-requests/" + id + "/approve", Map.of(), 409);
        assertThat(API.get("/api/units/czs-tjj/liaisons", 200).get(0).path("name").asText()).isEqualTo("新联络员");
    }

    @Test
    void contributions_emptyAndErrors() {
        JsonNode summary = API.get("/api/contributions", 200);
        assertThat(summary.path("items90Days").asInt()).isZero();
        assertThat(summary.path("units").size()).isGreaterThan(80);
        assertThat(API.get("/api/contributions/unmapped", 200)).isEmpty();
        API.post("/api/contributions/unmapped/%E6%96%B0%E5%8D%8E%E7%A4%BE/assign", Map.of("unitCode", "czs-xcb"), 404);
        assertThat(fields(API.post("/api/contributions/unmapped/x/assign", Map.of(), 422))).containsExactly("unitCode");
        assertThat(fields(API.post("/api/contributions/collect", Map.of("portal", "ftp://example.org/"), 422)))
                .containsExactly("portal");
    }
}
