package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeUnit;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.List;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanOaRuleTest {

    // Weight 10; pointsNoLan 5, minComputersPerStaff 0.5, pointsLowComputers 2, pointsNoOa 2, pointsNoInternet 1.
    @ParameterizedTest(name = "lan {0}, {1} computers / {2} staff, oa {3}, internet {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | 20 | 20 | true  | true  | SCORED 10.0 D0 W0
            false | 20 | 20 | true  | true  | SCORED 5.0 D1 W0
            true  | 10 | 20 | true  | true  | SCORED 10.0 D0 W0
            true  | 9  | 20 | true  | true  | SCORED 8.0 D1 W0
            true  | 0  | 0  | true  | true  | SCORED 10.0 D0 W0
            true  | 20 | 20 | false | true  | SCORED 8.0 D1 W0
            true  | 20 | 20 | true  | false | SCORED 9.0 D1 W0
            false | 0  | 20 | false | false | SCORED 0.0 D4 W0
            """)
    void judge_selfReport_deductsEachGap(boolean lan, int computers, int staff, boolean oa, boolean internet,
                                         String expected) {
        UnitEvidence.LanReport report = new UnitEvidence.LanReport(DAY.minusDays(30), lan, computers, staff, oa,
                internet, List.of());
        Judgement j = judgeUnit(new LanOaRule(), ScoringFixtures.withReport(ScoringFixtures.healthy("u"), report));
        assertThat(outcome(j)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "no approved report -> {0}")
    @CsvSource("NO_DATA 0.0 D0 W0")
    void judge_noReport_noData(String expected) {
        Judgement j = judgeUnit(new LanOaRule(), ScoringFixtures.withReport(ScoringFixtures.healthy("u"), null));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
