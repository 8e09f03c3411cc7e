package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeUnit;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiaisonRuleTest {

    // Weight 4; pointsNoLiaison 4, pointsNoPhone 1. NONE = no liaison registered.
    @ParameterizedTest(name = "phone [{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0566-1234567 | SCORED 4.0 D0 W0
            ''           | SCORED 3.0 D1 W0
            '  '         | SCORED 3.0 D1 W0
            NONE         | SCORED 0.0 D1 W0
            """)
    void judge_liaison_deductsWhenMissing(String phone, String expected) {
        UnitEvidence.LiaisonFacts liaison = phone.equals("NONE") ? null
                : new UnitEvidence.LiaisonFacts("张三", phone, DAY.minusYears(1));
        Judgement j = judgeUnit(new LiaisonRule(), ScoringFixtures.withLiaison(ScoringFixtures.healthy("u"), liaison));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
