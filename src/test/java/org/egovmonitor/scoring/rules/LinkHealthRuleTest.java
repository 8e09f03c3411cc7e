package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeMeasurement;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkHealthRuleTest {

    // Weight 4; pointsPerBrokenLink 1, warnAt 1.
    @ParameterizedTest(name = "{0} broken links -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | SCORED 4.0 D0 W0
            1 | SCORED 3.0 D1 W1
            4 | SCORED 0.0 D4 W1
            6 | SCORED 0.0 D6 W1
            """)
    void judge_brokenLinks_deductAndWarn(int broken, String expected) {
        List<SiteMeasurement.BrokenLink> links = new ArrayList<>();
        for (int i = 0; i < broken; i++) {
            links.add(i % 2 == 0 ? new SiteMeasurement.BrokenLink("http://site.test/dead" + i, 404, "HTTP_ERROR")
                    : new SiteMeasurement.BrokenLink("http://gone" + i + ".test/", null, "DNS_FAILURE"));
        }
        Judgement j = judgeMeasurement(new LinkHealthRule(),
                ScoringFixtures.measurement(DAY, ScoringFixtures.healthySections(), List.of(), links));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
