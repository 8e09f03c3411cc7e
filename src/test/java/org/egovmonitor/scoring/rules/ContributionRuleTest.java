package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeUnit;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContributionRuleTest {

    // Weight 8; targetPer30Days 4 (the missing share of the weight is lost), warnBelowPer90Days 3. -1 = not counted.
    @ParameterizedTest(name = "{0} in 30 days, {1} in 90 days -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10 | 30 | SCORED 8.0 D0 W0
            4  | 4  | SCORED 8.0 D0 W0
            2  | 30 | SCORED 4.0 D1 W0
            1  | 30 | SCORED 2.0 D1 W0
            0  | 2  | SCORED 0.0 D1 W1
            4  | 2  | SCORED 8.0 D0 W1
            -1 | -1 | NO_DATA 0.0 D0 W0
            """)
    void judge_contributions_shareOfTargetAndWarning(int last30, int last90, String expected) {
        UnitEvidence.Contributions c = last30 < 0 ? null : new UnitEvidence.Contributions(last30, last90);
        Judgement j = judgeUnit(new ContributionRule(),
                ScoringFixtures.withContributions(ScoringFixtures.healthy("u"), c));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
