package org.egovmonitor.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.egovmonitor.scoring.ScoringFixtures.CATALOGUE;
import static org.egovmonitor.scoring.ScoringFixtures.DAY;
import static org.egovmonitor.scoring.ScoringFixtures.healthy;

/** Snapshots on real PostgreSQL: store, read back, recompute, replace. */
class ScoreSnapshotServiceTest {

    /** Evidence set per day by the test. */
    static final class FixedEvidence implements EvidenceSource {
        final Map<LocalDate, List<UnitEvidence>> days = new HashMap<>();

        @Override
        public List<UnitEvidence> evidenceFor(LocalDate day) {
            return days.getOrDefault(day, List.of());
        }
    }

    private Jdbi jdbi;
    private FixedEvidence evidence;
    private ScoreSnapshotService service;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        evidence = new FixedEvidence();
        service = new ScoreSnapshotService(jdbi, evidence, CATALOGUE,
                StrictJsonModule.configure(io.dropwizard.jackson.Jackson.newObjectMapper()),
                Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    /** A varied city: healthy, vetoed, no-data and not-rated units across peer groups. */
    static List<UnitEvidence> city(LocalDate day) {
        List<UnitEvidence> units = new ArrayList<>();
        units.add(healthy("dept-a"));
        units.add(ScoringFixtures.withLiaison(healthy("dept-b"), null));
        units.add(ScoringFixtures.withNode(healthy("dept-c"), new UnitEvidence.NodeEvidence(NodeStatus.PLANNED,
                null, 0, 0, null)));
        units.add(ScoringFixtures.withMeasurement(healthy("dept-d"), ScoringFixtures.measurement(day.minusDays(20),
                ScoringFixtures.healthySections(), List.of("mailbox"), List.of(
                        new org.egovmonitor.crawler.measure.SiteMeasurement.BrokenLink("http://x.test/a", 404,
                                null)))));
        units.add(ScoringFixtures.withInteraction(ScoringFixtures.withContributions(healthy("dept-e"), null), null));
        units.add(new UnitEvidence(ScoringFixtures.unit("dept-f", UnitKind.DEPARTMENT), List.of(), null, null,
                null, null, null));
        units.add(ScoringFixtures.withUnit(healthy("county-a"), ScoringFixtures.unit("county-a", UnitKind.COUNTY)));
        units.add(ScoringFixtures.withUnit(ScoringFixtures.withContributions(healthy("county-b"),
                new UnitEvidence.Contributions(1, 2)), ScoringFixtures.unit("county-b", UnitKind.COUNTY)));
        units.add(ScoringFixtures.withUnit(ScoringFixtures.withSites(healthy("town-a"), List.of()),
                ScoringFixtures.unit("town-a", UnitKind.TOWNSHIP)));
        return units;
    }

    @Test
    void snapshot_storedEqualsRecomputedFromSameEvidence() {
        evidence.days.put(DAY, city(DAY));
        SnapshotSummary summary = service.snapshot(DAY);
        assertThat(summary.units()).isEqualTo(9);
        assertThat(summary.vetoed()).isEqualTo(1);
        DaySnapshot stored = service.stored(DAY);
        DaySnapshot recomputed = service.recompute(DAY);
        assertThat(stored).isEqualTo(recomputed);
        assertThat(stored.units()).isNotEmpty();
        assertThat(stored.bottlenecks()).isNotEmpty();
        assertThat(stored.units().get(0).score().findings()).isEqualTo(recomputed.units().get(0).score()
                .findings());
    }

    @Test
    void snapshot_twice_replacesTheDay() {
        evidence.days.put(DAY, city(DAY));
        service.snapshot(DAY);
        evidence.days.put(DAY, List.of(healthy("dept-a")));
        service.snapshot(DAY);
        assertThat(service.rankings(RankingQuery.all(null), DAY).rows()).extracting(RankingRow::unitCode).containsExactly("dept-a");
        int details = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM unit_score_details")
                .mapTo(Integer.class).one());
        assertThat(details).isEqualTo(1);
    }

    @Test
    void rankChange_againstPreviousSnapshotDay() {
        LocalDate before = DAY.minusDays(1);
        evidence.days.put(before, List.of(healthy("dept-a"), ScoringFixtures.withLiaison(healthy("dept-b"), null)));
        service.snapshot(before);
        evidence.days.put(DAY, List.of(ScoringFixtures.withNode(healthy("dept-a"), new UnitEvidence.NodeEvidence(
                NodeStatus.NOT_CONNECTED, null, 0, 0, null)), ScoringFixtures.withLiaison(healthy("dept-b"), null)));
        service.snapshot(DAY);
        Map<String, RankingRow> rows = new HashMap<>();
        service.rankings(RankingQuery.all(PeerGroup.DEPARTMENTS), null).rows().forEach(r -> rows.put(r.unitCode(), r));
        assertThat(rows.get("dept-b").rank()).isEqualTo(1);
        assertThat(rows.get("dept-b").rankChange()).isEqualTo(1);
        assertThat(rows.get("dept-a").rankChange()).isEqualTo(-1);
        assertThat(service.history("dept-a")).extracting(HistoryPoint::rank).containsExactly(1, 2);
    }

    @Test
    void readSide_scorecardBottlenecksWarnings() {
        evidence.days.put(DAY, city(DAY));
        service.snapshot(DAY);
        Scorecard card = service.scorecard("dept-d", DAY);
        assertThat(card.score().vetoed()).isTrue();
        assertThat(card.gradeLabel()).isEqualTo("不合格");
        assertThat(card.peers()).isEqualTo(6);
        assertThat(card.score().findings()).anyMatch(f -> f.kind() == FindingKind.VETO
                && f.evidence().date().equals(DAY.minusDays(20)));
        assertThat(service.bottlenecks(PeerGroup.COUNTIES, null)).extracting(CityBottleneck::indicator)
                .containsExactly("contribution");
        assertThat(service.warnings(null, null, false)).extracting(a -> a.finding().kind())
                .containsOnly(FindingKind.WARNING).isNotEmpty();
        assertThat(service.warnings(null, null, true)).anyMatch(a -> a.finding().kind() == FindingKind.VETO);
    }

    @Test
    void missingDayOrUnit_notFound() {
        assertThatThrownBy(() -> service.rankings(RankingQuery.all(null), null)).isInstanceOf(NotFoundException.class);
        evidence.days.put(DAY, city(DAY));
        service.snapshot(DAY);
        assertThatThrownBy(() -> service.rankings(RankingQuery.all(null), DAY.minusDays(3))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(DAY.minusDays(3).toString());
        assertThatThrownBy(() -> service.scorecard("nobody", null)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody");
    }

    @Nested
    class WhatIf {

        @Test
        void heavierLiaisonWeight_changesRanks_savesNothing() {
            // dept-b lacks a liaison (-4), dept-c is only PLANNED (-6): b ahead of c; making the liaison worth 40
            // (and its absence cost 40) flips them.
            evidence.days.put(DAY, List.of(ScoringFixtures.withLiaison(healthy("dept-b"), null),
                    ScoringFixtures.withNode(healthy("dept-c"), new UnitEvidence.NodeEvidence(NodeStatus.PLANNED,
                            null, 0, 0, null))));
            service.snapshot(DAY);
            WhatIfResult result = service.whatIf(new WhatIfRequest(DAY, Map.of("liaison", 40.0),
                    Map.of("liaison", Map.of("pointsNoLiaison", 40.0))));
            Map<String, WhatIfRow> rows = new HashMap<>();
            result.rankings().forEach(r -> rows.put(r.unitCode(), r));
            assertThat(result.saved()).isFalse();
            assertThat(rows.get("dept-b").baselineRank()).isEqualTo(1);
            assertThat(rows.get("dept-b").rank()).isEqualTo(2);
            assertThat(rows.get("dept-c").rank()).isEqualTo(1);
            assertThat(service.rankings(RankingQuery.all(null), DAY).rows().stream().filter(r -> r.unitCode().equals("dept-b"))
                    .findFirst().orElseThrow().rank()).isEqualTo(1);
        }

        @Test
        void thresholdOverride_liftsVeto() {
            evidence.days.put(DAY, List.of(ScoringFixtures.withMeasurement(healthy("dept-d"),
                    ScoringFixtures.measurement(DAY.minusDays(20), ScoringFixtures.healthySections(), List.of(),
                            List.of()))));
            WhatIfResult result = service.whatIf(new WhatIfRequest(DAY, null,
                    Map.of("homepage_freshness", Map.of("vetoAfterDays", 30.0, "warnAtDays", 25.0))));
            assertThat(result.rankings().get(0).baselineGrade()).isEqualTo(Grade.FAIL);
            assertThat(result.rankings().get(0).vetoed()).isFalse();
        }

        @Test
        void badOverride_422NamingField() {
            assertThatThrownBy(() -> service.whatIf(new WhatIfRequest(DAY, Map.of("nope", 1.0), null)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .anyMatch(f -> f.field().equals("weights.nope")));
        }
    }

    /** One unit scored again after an accepted appeal: only its rows change, and only from the appeal's day on. */
    @Nested
    class RescoreUnit {

        private Map<String, String> rows(LocalDate day) {
            Map<String, String> out = new HashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT s.unit_code, row_to_json(s)::text || d.findings::text AS row"
                            + " FROM unit_scores s JOIN unit_score_details d USING (day, unit_code) WHERE day = ?")
                    .bind(0, day).map((rs, ctx) -> out.put(rs.getString("unit_code"), rs.getString("row"))).list());
            return out;
        }

        private FindingKey dDeptVeto(LocalDate day) {
            return service.scorecard("dept-d", day).score().vetoes().stream()
                    .filter(f -> f.indicator().equals("homepage_freshness")).map(FindingKey::of).findFirst()
                    .orElseThrow();
        }

        @Test
        void excludedVeto_onlyThatUnitsRowsReplaced_otherUnitsUnchanged() {
            evidence.days.put(DAY, city(DAY));
            service.snapshot(DAY);
            Map<String, String> before = rows(DAY);
            FindingKey veto = dDeptVeto(DAY);
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-d', 'd', 'DEPARTMENT',"
                        + " 'DEPARTMENTS')");
                h.attach(FindingExclusionDao.class).insert("dept-d", veto, DAY, "申诉 1：测试");
            });

            UnitScore rescored = service.rescoreUnit("dept-d", DAY);

            assertThat(rescored.findings()).noneMatch(veto::matches);
            Map<String, String> after = rows(DAY);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.keySet().stream().filter(code -> !code.equals("dept-d"))
                    .forEach(code -> assertThat(after.get(code)).as(code).isEqualTo(before.get(code)));
            assertThat(after.get("dept-d")).isNotEqualTo(before.get("dept-d"));
            assertThat(service.scorecard("dept-d", DAY).score().findings()).noneMatch(veto::matches);
        }

        @Test
        void exclusionFromLaterDay_earlierDayScoredAsBefore() {
            LocalDate earlier = DAY.minusDays(1);
            evidence.days.put(earlier, city(earlier));
            service.snapshot(earlier);
            FindingKey veto = dDeptVeto(earlier);
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-d', 'd', 'DEPARTMENT',"
                        + " 'DEPARTMENTS')");
                h.attach(FindingExclusionDao.class).insert("dept-d", veto, DAY, "申诉 1：测试");
            });

            assertThat(service.rescoreUnit("dept-d", earlier).findings()).anyMatch(veto::matches);
        }
    }
}
