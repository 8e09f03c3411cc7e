package org.egovmonitor.collection;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.egovmonitor.demo.DemoCollection;
import org.egovmonitor.demo.DemoRegistry;
import org.egovmonitor.registry.NodeRequest;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryService;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage, its history and the node survey on the demo registry, on real PostgreSQL. */
class CoverageServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2003-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private Jdbi jdbi;
    private CoverageService coverage;

    @BeforeEach
    void demo() {
        jdbi = TestPostgres.newDatabase().jdbi();
        DemoRegistry.load(jdbi, StrictJsonModule.configure(Jackson.newObjectMapper()), CLOCK);
        DemoCollection.load(jdbi, CLOCK);
        coverage = new CoverageService(jdbi, CLOCK);
    }

    private NodeSurvey survey() {
        return new NodeSurvey(jdbi, new RegistryFileReader(StrictJsonModule.configure(
                Jackson.newObjectMapper())), CLOCK);
    }

    @Nested
    class Current {

        @Test
        void current_demo_nineteenConnectedThirtyPlannedByGroupAndCounty() {
            Coverage.Report report = coverage.current();
            assertThat(report.total().connected()).isEqualTo(19);
            assertThat(report.total().planned()).isEqualTo(30);
            assertThat(report.total().terminals()).isGreaterThanOrEqualTo(200);
            assertThat(report.total().byPhase().get("2")).isEqualTo(new Coverage.PhaseCounts(0, 30));
            assertThat(report.total().byPhase().get("1").connected()).isEqualTo(19);
            Coverage.Counts departments = report.byGroup().stream().filter(g -> g.group() == PeerGroup.DEPARTMENTS)
                    .findFirst().orElseThrow().counts();
            assertThat(departments.connected()).isEqualTo(19);
            assertThat(departments.notConnected()).isEqualTo(departments.units() - 49);
            // Counties: own unit plus everything below it; none connected ("到各县的主干线路还是空白").
            Coverage.CountyCoverage stx = report.byCounty().stream().filter(c -> c.code().equals("stx"))
                    .findFirst().orElseThrow();
            assertThat(stx.counts().units()).isGreaterThan(1);
            assertThat(stx.counts().connected()).isZero();
            assertThat(report.byCounty()).hasSize(6);
        }

        @Test
        void current_unitsWithoutNodeRow_countAsNotConnected() {
            List<Coverage.UnitCoverage> townships = coverage.units(PeerGroup.TOWNSHIPS);
            assertThat(townships).isNotEmpty().allMatch(u -> u.status() == NodeStatus.NOT_CONNECTED);
            assertThat(townships).allMatch(u -> u.county() != null);
        }

        @Test
        void availability_fromNodeProbes_sevenAndThirtyDays_elseNoData() {
            Instant now = CLOCK.instant();
            jdbi.useHandle(h -> {
                for (int i = 0; i < 10; i++) {
                    h.execute("INSERT INTO node_probes (unit_code, probed_at, up, endpoint) VALUES (?, ?, ?, ?)",
                            "czs-czj", now.minus(i, ChronoUnit.HOURS), i != 0, "10.0.0.1:80");
                }
                h.execute("INSERT INTO node_probes (unit_code, probed_at, up, endpoint) VALUES (?, ?, ?, ?)",
                        "czs-czj", now.minus(20, ChronoUnit.DAYS), false, "10.0.0.1:80");
            });
            Coverage.UnitCoverage czj = coverage.units(null).stream().filter(u -> u.code().equals("czs-czj"))
                    .findFirst().orElseThrow();
            assertThat(czj.availability7d().probes()).isEqualTo(10);
            assertThat(czj.availability7d().share()).isEqualTo(0.9);
            assertThat(czj.availability7d().text()).isEqualTo("90.0%");
            assertThat(czj.availability30d().share()).isEqualTo(9.0 / 11);
            Coverage.UnitCoverage rdb = coverage.units(null).stream().filter(u -> u.code().equals("czs-rdb"))
                    .findFirst().orElseThrow();
            assertThat(rdb.availability7d().share()).isNull();
            assertThat(rdb.availability7d().text()).isEqualTo("无数据");
            assertThat(coverage.current().total().availability7d().probes()).isEqualTo(10);
        }
    }

    @Nested
    class History {

        private Coverage.Month month(Coverage.History h, String ym) {
            return h.months().stream().filter(m -> m.month().equals(YearMonth.parse(ym))).findFirst().orElseThrow();
        }

        @Test
        void history_demo_tellsTheSpeechesStory() {
            Coverage.History h = coverage.history(null, null, null);
            assertThat(h.months().get(0).month()).isEqualTo(YearMonth.of(2002, 6));
            assertThat(month(h, "2002-06").connected()).isEqualTo(16);
            assertThat(month(h, "2002-06").newlyConnected()).hasSize(16);
            assertThat(month(h, "2003-03").connected()).isEqualTo(17);
            assertThat(month(h, "2003-04").connected()).isEqualTo(19);
            assertThat(month(h, "2003-04").newlyConnected()).containsExactly("czs-dsj", "czs-ldj");
            assertThat(month(h, "2003-04").planned()).isZero();
            assertThat(month(h, "2003-05").planned()).isEqualTo(30);
            assertThat(month(h, "2003-07").connected()).isEqualTo(19);
            assertThat(h.events()).anyMatch(e -> e.unitCode().equals("czs-dsj")
                    && e.date().equals(LocalDate.of(2003, 4, 16)) && e.status() == NodeStatus.CONNECTED);
        }

        @Test
        void history_nodePut_recordsTheChangeWithItsDate() {
            RegistryService registry = new RegistryService(jdbi, CLOCK);
            registry.putNode("czs-swb", new NodeRequest(null, NodeStatus.CONNECTED, 2, LocalDate.of(2003, 7, 1),
                    100, 30, null, null));
            registry.putNode("czs-rdb", new NodeRequest(null, NodeStatus.NOT_CONNECTED, null, null, null, null,
                    null, null));
            Coverage.History h = coverage.history(YearMonth.of(2003, 6), YearMonth.of(2003, 7), null);
            assertThat(h.months()).hasSize(2);
            assertThat(month(h, "2003-06").connected()).isEqualTo(19);
            assertThat(month(h, "2003-07").connected()).isEqualTo(19);
            assertThat(month(h, "2003-07").newlyConnected()).containsExactly("czs-swb");
            assertThat(month(h, "2003-07").disconnected()).containsExactly("czs-rdb");
            assertThat(month(h, "2003-07").planned()).isEqualTo(29);
        }

        @Test
        void history_nodeDeleted_unitCountsAsNotConnectedFromThen() {
            new RegistryService(jdbi, CLOCK).deleteNode("czs-rdb");
            Coverage.History h = coverage.history(YearMonth.of(2003, 7), YearMonth.of(2003, 7), null);
            assertThat(h.months().get(0).connected()).isEqualTo(18);
            assertThat(h.months().get(0).disconnected()).containsExactly("czs-rdb");
        }

        @Test
        void history_byGroup_countiesNeverConnected() {
            Coverage.History h = coverage.history(YearMonth.of(2003, 1), YearMonth.of(2003, 7), PeerGroup.COUNTIES);
            assertThat(h.units()).isEqualTo(6);
            assertThat(h.months()).hasSize(7).allMatch(m -> m.connected() == 0 && m.notConnected() == 6);
        }
    }

    @Nested
    class Survey {

        @Test
        void survey_chineseHeaders_appliedKeepsAbsentColumns() {
            jdbi.useHandle(h -> h.execute("UPDATE network_nodes SET probe_host = '10.1.1.1', probe_port = 80 "
                    + "WHERE unit_code = 'czs-swb'"));
            NodeSurvey.Result r = survey().importCsv("""
                    单位编码,单位名称,状态,期次,接入日期,带宽(Mbps),终端数
                    czs-swb,中共池州市委办公室,已接入,二期,2003/7/1,100M,30
                    czs-gaj,池州市公安局,规划,2,,,
                    """);
            assertThat(r.errors()).isEmpty();
            assertThat(r.applied()).isTrue();
            assertThat(r.rows()).isEqualTo(2);
            assertThat(r.nodesChanged()).isEqualTo(2);
            RegistryService registry = new RegistryService(jdbi, CLOCK);
            assertThat(registry.node("czs-swb").status()).isEqualTo(NodeStatus.CONNECTED);
            assertThat(registry.node("czs-swb").connectedOn()).isEqualTo(LocalDate.of(2003, 7, 1));
            assertThat(registry.node("czs-swb").bandwidthMbps()).isEqualTo(100);
            assertThat(registry.node("czs-swb").probeHost()).isEqualTo("10.1.1.1");
            assertThat(registry.node("czs-gaj").status()).isEqualTo(NodeStatus.PLANNED);
            assertThat(coverage.current().total().connected()).isEqualTo(20);
            assertThat(coverage.history(YearMonth.of(2003, 7), YearMonth.of(2003, 7), null).months().get(0)
                    .newlyConnected()).containsExactly("czs-swb");
        }

        @Test
        void survey_englishHeaders_applied() {
            NodeSurvey.Result r = survey().importCsv("unitCode,status,phase,connectedOn,bandwidthMbps,terminals\n"
                    + "czs-gaj,CONNECTED,2,2003-07-02,10,12\n");
            assertThat(r.applied()).isTrue();
            assertThat(coverage.current().total().connected()).isEqualTo(20);
        }

        @Test
        void survey_badRows_nothingAppliedWithSurveyLineNumbers() {
            NodeSurvey.Result r = survey().importCsv("""
                    单位编码,状态,期次,接入日期,带宽,终端数
                    czs-swb,已接入,2,2003-07-01,100,30

                    czs-gaj,已接入,2,,10,5
                    czs-nope,规划,2,,,
                    czs-jtj,半通,1,,,
                    czs-wsj,规划,2,,-5,
                    """);
            assertThat(r.applied()).isFalse();
            assertThat(r.errors()).extracting(e -> e.line() + ":" + e.field()).contains("4:connectedOn",
                    "5:unitCode", "6:status", "7:bandwidthMbps");
            assertThat(r.errors()).noneMatch(e -> e.line() == 2);
            assertThat(new RegistryService(jdbi, CLOCK).node("czs-swb").status()).isEqualTo(NodeStatus.PLANNED);
        }

        @Test
        void survey_unknownOrMissingColumns_headerErrors() {
            NodeSurvey.Result r = survey().importCsv("状态,颜色\n已接入,红\n");
            assertThat(r.applied()).isFalse();
            assertThat(r.errors()).extracting(e -> e.line() + ":" + e.field()).contains("1:颜色", "1:unitCode");
        }
    }
}
