package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeSite;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvailabilityRuleTest {

    // Weight 10; probeWindowDays 7, minSamples 20, deductFromPercent 1, pointsPerPercent 2, warnAtPercent 3,
    // vetoAtPercent 5 (crawlers/indicators.yml).
    @ParameterizedTest(name = "{0} probes, {1} failed -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1000 | 0  | SCORED 10.0 D0 W0
            19   | 0  | NO_DATA 0.0 D0 W0
            0    | 0  | NO_DATA 0.0 D0 W0
            200  | 1  | SCORED 10.0 D0 W0
            100  | 2  | SCORED 6.0 D1 W0
            100  | 3  | SCORED 4.0 D1 W1
            100  | 5  | SCORED 0.0 veto D1 W0
            100  | 50 | SCORED 0.0 veto D1 W0
            """)
    void judge_failureShare_deductsWarnsVetoes(int samples, int failures, String expected) {
        Judgement j = judgeSite(new AvailabilityRule(), ScoringFixtures.site(ScoringFixtures.healthyMeasurement(),
                samples, failures));
        assertThat(outcome(j)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} probes -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5   | 无数据：7 天内仅 5 次可用性探测（至少需 20 次）
            """)
    void judge_tooFewProbes_reasonNamesTheProbeWindow(int samples, String reason) {
        Judgement j = judgeSite(new AvailabilityRule(), ScoringFixtures.site(null, samples, 0));
        assertThat(j.reason()).isEqualTo(reason);
    }
}
