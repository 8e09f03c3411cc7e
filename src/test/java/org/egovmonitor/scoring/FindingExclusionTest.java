package org.egovmonitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.ScoringFixtures.DAY;
import static org.egovmonitor.scoring.ScoringFixtures.healthy;
import static org.egovmonitor.scoring.ScoringFixtures.healthySections;
import static org.egovmonitor.scoring.ScoringFixtures.indicator;
import static org.egovmonitor.scoring.ScoringFixtures.measurement;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Findings an accepted appeal left out: the calculator drops exactly the named finding of the homepage indicator (a
 * homepage 20 days old: a capped deduction of the whole weight and a veto), gives its points back or lifts its veto,
 * and keeps everything else.
 */
class FindingExclusionTest {

    /** The calculator's arithmetic is pinned to the 2024.1 weights (ScoringFixtures.EDITION_2024_1). */
    private static final IndicatorCatalogue CATALOGUE = ScoringFixtures.EDITION_2024_1;

    static UnitScore stale(Set<FindingKey> excluded) {
        return ScoreCalculator.score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY.minusDays(20),
                healthySections(), List.of(), List.of())), CATALOGUE, DAY, excluded);
    }

    static FindingKey key(UnitScore s, FindingKind kind) {
        return s.findings().stream().filter(f -> f.indicator().equals("homepage_freshness") && f.kind() == kind)
                .map(FindingKey::of).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "excluded {0}, {1} -> points {2}, veto {3}")
    @CsvSource({
            "'',                 '',    0.0,  true",
            "DEDUCTION,          '',    10.0, true",
            "VETO,               '',    0.0,  false",
            "DEDUCTION,          VETO,  10.0, false",
            "DEDUCTION,          other, 10.0, true"})
    void excluded_onlyThoseFindingsLeftOut(String first, String second, double points, boolean vetoed) {
        UnitScore plain = stale(Set.of());
        Set<FindingKey> excluded = new HashSet<>();
        for (String k : List.of(first, second)) {
            if (k.equals("other")) {
                excluded.add(new FindingKey("homepage_freshness", FindingKind.VETO, "http://elsewhere.test/", null));
            } else if (!k.isEmpty()) {
                excluded.add(key(plain, FindingKind.valueOf(k)));
            }
        }

        UnitScore s = stale(excluded);

        assertThat(indicator(s, "homepage_freshness").points()).isEqualTo(points);
        assertThat(s.vetoed()).isEqualTo(vetoed);
        assertThat(s.findings()).hasSize(plain.findings().size() - (int) excluded.stream()
                .filter(k -> plain.findings().stream().anyMatch(k::matches)).count());
        assertThat(s.total()).isGreaterThanOrEqualTo(plain.total());
    }
}
