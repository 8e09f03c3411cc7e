package org.egovmonitor.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the demo registry, scored today (no crawl yet): units without a site are their own bucket in the leader and
 * office charts, and an approval re-scores its unit at once, leaving every other unit's score as it was.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoSiteAndRescoreApiTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(true);
    static final OfficeApi API = new OfficeApi(APP);

    @BeforeAll
    static void snapshotToday() {
        API.post("/api/scoring/snapshot", "", 200);
    }

    /** Unit code → its ranking row, for the whole stored day. */
    private static Map<String, JsonNode> rows() {
        Map<String, JsonNode> out = new HashMap<>();
        API.get("/api/rankings?limit=1000", 200).path("rows").forEach(r -> out.put(r.path("unitCode").asText(), r));
        return out;
    }

    private static Set<String> unitsWithSite() {
        Set<String> out = new HashSet<>();
        API.get("/api/sites?monitored=true", 200).forEach(s -> out.add(s.path("unitCode").asText()));
        return out;
    }

    private static JsonNode indicator(JsonNode card, String id) {
        for (JsonNode i : card.path("score").path("indicators")) {
            if (i.path("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    @Nested
    class WithoutSite {

        @Test
        void distribution_noSiteUnitsInTheirOwnBucket_notZero() {
            Set<String> withSite = unitsWithSite();
            long departmentsWithoutSite = rows().values().stream()
                    .filter(r -> r.path("peerGroup").asText().equals("DEPARTMENTS"))
                    .filter(r -> !withSite.contains(r.path("unitCode").asText())).count();
            assertThat(departmentsWithoutSite).isGreaterThan(10);
            for (String id : List.of("homepage_freshness", "availability", "interaction")) {
                JsonNode departments = API.get("/api/indicators/" + id + "/distribution", 200).path("byGroup")
                        .path("DEPARTMENTS");
                assertThat(departments.path("NO_SITE").asLong()).as(id).isEqualTo(departmentsWithoutSite);
                // Nothing is crawled yet: units with a site are 无数据, none is 严重滞后 for lack of a site.
                assertThat(departments.has("ZERO")).as(id).isFalse();
            }
        }

        @Test
        void bottlenecks_noSiteIsTheDepartmentsBottleneck_withItsOwnLabel() {
            JsonNode first = API.get("/api/bottlenecks?group=DEPARTMENTS", 200).get(0);
            assertThat(first.path("indicator").asText()).isEqualTo(NoSite.ID);
            assertThat(first.path("name").asText()).isEqualTo("未建网站");
            String code = rows().values().stream()
                    .filter(r -> r.path("peerGroup").asText().equals("DEPARTMENTS"))
                    .map(r -> r.path("unitCode").asText())
                    .filter(c -> !unitsWithSite().contains(c)).findFirst().orElseThrow();
            JsonNode card = API.get("/api/units/" + code + "/scorecard", 200);
            assertThat(card.path("score").path("bottleneck").asText()).isEqualTo(NoSite.ID);
            assertThat(card.path("score").path("findings").findValuesAsText("indicator")).containsOnlyOnce(NoSite.ID)
                    .doesNotContain("availability", "homepage_freshness", "interaction");
            assertThat(indicator(card, "availability").path("state").asText()).isEqualTo("NO_SITE");
        }

        @Test
        void matrix_marksPointsLostForLackOfASite() {
            Set<String> withSite = unitsWithSite();
            JsonNode matrix = API.get("/api/bottlenecks/matrix?group=DEPARTMENTS&limit=200", 200);
            int noSite = 0;
            for (JsonNode row : matrix.path("rows")) {
                JsonNode cell = row.path("cells").path(NoSite.GROUP);
                boolean lacksSite = !withSite.contains(row.path("unitCode").asText());
                assertThat(cell.path("noSite").asBoolean()).as(row.path("unitCode").asText()).isEqualTo(lacksSite);
                noSite += lacksSite ? 1 : 0;
            }
            assertThat(noSite).isPositive();
        }
    }

    @Nested
    class RescoreOnApproval {

        @Test
        void approvedSelfReport_unitRescoredToday_othersUnchanged_sameAsAFullRecompute() {
            Map<String, JsonNode> before = rows();
            String code = "czs-rdb";
            JsonNode cardBefore = API.get("/api/units/" + code + "/scorecard", 200);
            String today = cardBefore.path("day").asText();
            JsonNode lanBefore = indicator(cardBefore, "lan_oa");
            // The opposite of what the unit has: a bare report for a unit with full marks, a full one otherwise.
            boolean full = lanBefore.path("state").asText().equals("SCORED")
                    && lanBefore.path("shortfall").asDouble() == 0;
            Map<String, Object> report = Map.of("reportDate", today, "lanPresent", !full, "computers", full ? 0 : 40,
                    "networkedComputers", full ? 0 : 40, "staff", 40, "internetAccess", !full, "oaInUse", !full,
                    "egovConnected", !full, "systems", full ? List.of() : List.of("OA", "FINANCE_VERTICAL",
                            "VIDEO_CONFERENCE", "DOCUMENT_DB"), "submittedBy", "测试");
            long id = API.post("/api/units/" + code + "/self-reports", report, 201).path("id").asLong();
            // Submitting changes nothing; approving re-scores the unit at once.
            assertThat(rows().get(code)).isEqualTo(before.get(code));
            API.post("/api/self-reports/" + id + "/approve", Map.of(), 200);

            JsonNode cardAfter = API.get("/api/units/" + code + "/scorecard", 200);
            assertThat(cardAfter.path("day").asText()).isEqualTo(today);
            assertThat(indicator(cardAfter, "lan_oa")).isNotEqualTo(lanBefore);
            assertThat(cardAfter.path("score").path("total").asDouble())
                    .isNotEqualTo(cardBefore.path("score").path("total").asDouble());
            Map<String, JsonNode> after = rows();
            assertThat(after.keySet()).isEqualTo(before.keySet());
            String group = before.get(code).path("peerGroup").asText();
            for (String other : before.keySet()) {
                if (other.equals(code)) {
                    continue;
                }
                JsonNode was = before.get(other).deepCopy();
                JsonNode is = after.get(other).deepCopy();
                if (was.path("peerGroup").asText().equals(group)) {
                    // Peers may move in rank around the re-scored unit; their scores stay.
                    for (String placeField : List.of("rank", "rankChange")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) was).remove(placeField);
                        ((com.fasterxml.jackson.databind.node.ObjectNode) is).remove(placeField);
                    }
                }
                assertThat(is).as(other).isEqualTo(was);
            }
            // The incremental update is what a whole recompute of today stores.
            JsonNode bottlenecks = API.get("/api/bottlenecks", 200);
            JsonNode groups = API.get("/api/rankings?limit=0", 200).path("groups");
            API.post("/api/scoring/snapshot", "", 200);
            assertThat(rows()).isEqualTo(after);
            assertThat(API.get("/api/bottlenecks", 200)).isEqualTo(bottlenecks);
            assertThat(API.get("/api/rankings?limit=0", 200).path("groups")).isEqualTo(groups);
        }

        @Test
        void approvedLiaisonChange_unitRescoredToday() {
            JsonNode missing = API.get("/api/liaisons/missing", 200);
            String code = missing.get(0).path("code").asText();
            double before = indicator(API.get("/api/units/" + code + "/scorecard", 200), "liaison")
                    .path("points").asDouble();
            long id = API.post("/api/units/" + code + "/liaison-requests", Map.of("name", "新联络员", "phone",
                    "0566-2020202", "since", LocalDate.now().toString()), 201).path("id").asLong();
            API.post("/api/liaison-requests/" + id + "/approve", Map.of(), 200);
            JsonNode liaison = indicator(API.get("/api/units/" + code + "/scorecard", 200), "liaison");
            assertThat(liaison.path("points").asDouble()).isGreaterThan(before).isEqualTo(liaison.path("weight")
                    .asDouble());
        }
    }
}
