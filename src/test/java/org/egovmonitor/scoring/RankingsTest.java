package org.egovmonitor.scoring;

import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.ScoringFixtures.CATALOGUE;

class RankingsTest {

    private static UnitScore unit(String code, PeerGroup group, double total, boolean vetoed, Grade grade,
                                  Map<String, Double> shortfalls) {
        List<IndicatorResult> indicators = CATALOGUE.indicators().stream().map(i -> {
            double lost = shortfalls.getOrDefault(i.id(), 0.0);
            return new IndicatorResult(i.id(), i.name(), i.group(), IndicatorState.SCORED, i.weight(),
                    i.weight() - lost, lost, "", null, false);
        }).toList();
        return new UnitScore(code, code, group, total, 100, 0, grade, vetoed, indicators, List.of(), null, 0);
    }

    private static UnitScore unit(String code, double total) {
        return unit(code, PeerGroup.DEPARTMENTS, total, false, Grade.PASS, Map.of());
    }

    private static Map<String, Integer> ranks(List<RankedScore> ranked) {
        return ranked.stream().filter(r -> r.rank() != null)
                .collect(java.util.stream.Collectors.toMap(r -> r.score().unitCode(), RankedScore::rank));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "90,80,70    | 1,2,3",
            "90,90,70    | 1,1,3",
            "90,90,90    | 1,1,1",
            "90,80,80,70 | 1,2,2,4",
            "70,90,90,60 | 3,1,1,4"})
    void competitionRanking_tiesShareRank(String totals, String expected) {
        String[] t = totals.split(",");
        String[] e = expected.split(",");
        List<UnitScore> scores = new java.util.ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            scores.add(unit("u" + i, Double.parseDouble(t[i])));
        }
        Map<String, Integer> ranks = ranks(Rankings.rank(scores, Map.of()));
        for (int i = 0; i < t.length; i++) {
            assertThat(ranks.get("u" + i)).as("u" + i).isEqualTo(Integer.parseInt(e[i]));
        }
    }

    @Test
    void vetoed_rankedAfterUnvetoed_evenWithMorePoints() {
        List<RankedScore> ranked = Rankings.rank(List.of(
                unit("veto", PeerGroup.DEPARTMENTS, 95, true, Grade.FAIL, Map.of()),
                unit("ok", 70), unit("veto2", PeerGroup.DEPARTMENTS, 95, true, Grade.FAIL, Map.of())), Map.of());
        assertThat(ranks(ranked)).containsEntry("ok", 1).containsEntry("veto", 2).containsEntry("veto2", 2);
    }

    @Test
    void peerGroups_rankedSeparately_notRatedUnranked() {
        List<RankedScore> ranked = Rankings.rank(List.of(unit("d1", 50), unit("d2", 60),
                unit("c1", PeerGroup.COUNTIES, 40, false, Grade.FAIL, Map.of()),
                unit("n", PeerGroup.COUNTIES, 99, false, Grade.NOT_RATED, Map.of())), Map.of());
        assertThat(ranks(ranked)).containsEntry("d2", 1).containsEntry("d1", 2).containsEntry("c1", 1)
                .doesNotContainKey("n");
        assertThat(ranked).extracting(r -> r.score().unitCode()).containsExactly("d2", "d1", "c1", "n");
    }

    @ParameterizedTest(name = "previous {0} now {1} -> change {2}")
    @CsvSource({"3, 1, 2", "1, 3, -2", "2, 2, 0", ", 1, "})
    void rankChange_previousMinusCurrent(Integer previous, int now, Integer change) {
        List<UnitScore> scores = List.of(unit("a", 90), unit("b", 80), unit("c", 70));
        String code = List.of("a", "b", "c").get(now - 1);
        Map<String, Integer> before = previous == null ? Map.of() : Map.of(code, previous);
        RankedScore r = Rankings.rank(scores, before).stream().filter(x -> x.score().unitCode().equals(code))
                .findFirst().orElseThrow();
        assertThat(r.rankChange()).isEqualTo(change);
    }

    @Test
    void cityBottleneck_largestSummedShortfallPerGroup() {
        List<UnitScore> scores = List.of(
                unit("a", PeerGroup.DEPARTMENTS, 90, false, Grade.EXCELLENT, Map.of("liaison", 4.0,
                        "lan_oa", 1.0)),
                unit("b", PeerGroup.DEPARTMENTS, 90, false, Grade.EXCELLENT, Map.of("lan_oa", 5.0)),
                unit("c", PeerGroup.DEPARTMENTS, 90, false, Grade.EXCELLENT, Map.of("liaison", 4.0)),
                unit("x", PeerGroup.COUNTIES, 90, false, Grade.EXCELLENT, Map.of("availability", 10.0)));
        List<CityBottleneck> b = Rankings.cityBottlenecks(scores, CATALOGUE);
        List<CityBottleneck> departments = b.stream().filter(x -> x.peerGroup() == PeerGroup.DEPARTMENTS).toList();
        // liaison 8 (2 units) beats lan_oa 6 (2 units), although lan_oa has the single largest loss.
        assertThat(departments).extracting(CityBottleneck::indicator).containsExactly("liaison", "lan_oa");
        assertThat(departments.get(0).totalShortfall()).isEqualTo(8.0);
        assertThat(departments.get(0).unitsAffected()).isEqualTo(2);
        assertThat(departments.get(0).units()).isEqualTo(3);
        assertThat(b.stream().filter(x -> x.peerGroup() == PeerGroup.COUNTIES).findFirst().orElseThrow()
                .indicator()).isEqualTo("availability");
    }

    @Test
    void cityBottleneck_tie_catalogueOrder() {
        List<CityBottleneck> b = Rankings.cityBottlenecks(List.of(unit("a", PeerGroup.DEPARTMENTS, 90, false,
                Grade.EXCELLENT, Map.of("contribution", 3.0, "availability", 3.0))), CATALOGUE);
        assertThat(b).extracting(CityBottleneck::indicator).containsExactly("availability", "contribution");
    }

    /** Units of one group as the calculator scores them: 'h' healthy, 'n' without a site, 'd' stale homepage. */
    private static UnitScore scored(String code, char kind) {
        UnitEvidence e = ScoringFixtures.healthy(code);
        if (kind == 'n') {
            e = ScoringFixtures.withSites(e, List.of());
        } else if (kind == 'd') {
            e = ScoringFixtures.withMeasurement(e, ScoringFixtures.measurement(ScoringFixtures.DAY.minusDays(12),
                    ScoringFixtures.healthySections(), List.of("news"), List.of()));
        }
        return ScoreCalculator.score(e, CATALOGUE, ScoringFixtures.DAY);
    }

    @ParameterizedTest(name = "group {0}, unit u0 becomes {1}")
    @CsvSource({"hnd, n", "hnd, h", "nnd, d", "nhh, h", "hhh, n", "d, h"})
    void adjustBottlenecks_oneUnitRescored_sameAsWholeGroup(String group, char becomes) {
        List<UnitScore> before = new java.util.ArrayList<>();
        for (int i = 0; i < group.length(); i++) {
            before.add(scored("u" + i, group.charAt(i)));
        }
        List<UnitScore> after = new java.util.ArrayList<>(before);
        after.set(0, scored("u0", becomes));
        List<CityBottleneck> adjusted = Rankings.adjustBottlenecks(Rankings.cityBottlenecks(before, CATALOGUE),
                before.get(0), after.get(0), group.length(), CATALOGUE);
        assertThat(adjusted).isEqualTo(Rankings.cityBottlenecks(after, CATALOGUE));
    }
}
