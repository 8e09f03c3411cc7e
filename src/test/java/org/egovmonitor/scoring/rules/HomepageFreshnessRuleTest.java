package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeMeasurement;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.List;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomepageFreshnessRuleTest {

    // Weight 10; deductAfterDays 7, pointsPerDay 1, warnAtDays 10, vetoAfterDays 14. -1 = no dated item.
    @ParameterizedTest(name = "newest {0} days before the crawl -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0   | SCORED 10.0 D0 W0
            7   | SCORED 10.0 D0 W0
            8   | SCORED 9.0 D1 W0
            10  | SCORED 7.0 D1 W1
            14  | SCORED 3.0 D1 W1
            15  | SCORED 2.0 veto D1 W0
            40  | SCORED 0.0 veto D1 W0
            -1  | SCORED 0.0 veto D1 W0
            """)
    void judge_daysSinceNewest_deductsWarnsVetoes(int age, String expected) {
        Judgement j = judgeMeasurement(new HomepageFreshnessRule(), ScoringFixtures.measurement(
                age < 0 ? null : DAY.minusDays(age), ScoringFixtures.healthySections(), List.of(), List.of()));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
