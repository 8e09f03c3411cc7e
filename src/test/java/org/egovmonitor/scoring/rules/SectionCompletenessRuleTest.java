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

class SectionCompletenessRuleTest {

    // Weight 8; pointsPerMissing 2, warnAtMissing 1. Deductions past the weight are recorded at 0.
    @ParameterizedTest(name = "missing [{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                           | SCORED 8.0 D0 W0
            open_gov                                     | SCORED 6.0 D1 W1
            open_gov news                                | SCORED 4.0 D2 W1
            open_gov news notices policy mailbox         | SCORED 0.0 D5 W1
            """)
    void judge_missingFamilies_deductAndWarn(String missing, String expected) {
        List<String> ids = missing.isBlank() ? List.of() : List.of(missing.trim().split(" +"));
        Judgement j = judgeMeasurement(new SectionCompletenessRule(),
                ScoringFixtures.measurement(DAY, ScoringFixtures.healthySections(), ids, List.of()));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
