package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeUnit;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkCoverageRuleTest {

    // Weight 10; pointsPlanned 6, pointsNotConnected 10, minSamples 20, nodeFailureDeductFromPercent 5,
    // pointsNodeUnreliable 3. Status NONE = no node in the registry.
    @ParameterizedTest(name = "{0}, {1} probes, {2} failed -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CONNECTED     | 100 | 0  | SCORED 10.0 D0 W0
            CONNECTED     | 100 | 4  | SCORED 10.0 D0 W0
            CONNECTED     | 100 | 5  | SCORED 7.0 D1 W0
            CONNECTED     | 10  | 9  | SCORED 10.0 D0 W0
            PLANNED       | 0   | 0  | SCORED 4.0 D1 W0
            NOT_CONNECTED | 0   | 0  | SCORED 0.0 D1 W0
            NONE          | 0   | 0  | NO_DATA 0.0 D0 W0
            """)
    void judge_node_deductsByStatusAndReliability(String status, int samples, int failures, String expected) {
        UnitEvidence.NodeEvidence node = status.equals("NONE") ? null
                : new UnitEvidence.NodeEvidence(NodeStatus.valueOf(status), 1, samples, failures, "10.0.0.1:80");
        Judgement j = judgeUnit(new NetworkCoverageRule(),
                ScoringFixtures.withNode(ScoringFixtures.healthy("u"), node));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
