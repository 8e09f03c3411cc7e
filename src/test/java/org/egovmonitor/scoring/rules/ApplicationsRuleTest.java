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

class ApplicationsRuleTest {

    // Weight 6; pointsPerMissingSystem 1.5; expected systems oa, vertical_network, video_conference, database.
    @ParameterizedTest(name = "in use [{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            oa vertical_network video_conference database | SCORED 6.0 D0 W0
            oa vertical_network video_conference          | SCORED 4.5 D1 W0
            oa                                            | SCORED 1.5 D3 W0
            ''                                            | SCORED 0.0 D4 W0
            NONE                                          | NO_DATA 0.0 D0 W0
            """)
    void judge_systemsInUse_deductEachMissing(String inUse, String expected) {
        UnitEvidence.LanReport report = inUse.equals("NONE") ? null : new UnitEvidence.LanReport(DAY.minusDays(30),
                true, 20, 20, true, true, inUse.isBlank() ? List.of() : List.of(inUse.trim().split(" +")));
        Judgement j = judgeUnit(new ApplicationsRule(),
                ScoringFixtures.withReport(ScoringFixtures.healthy("u"), report));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
