package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeMeasurement;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlankSectionsRuleTest {

    // Weight 6; pointsPerBlank 2, warnAbove 2, vetoAt 5.
    @ParameterizedTest(name = "{0} blank sections, {1} blank sub-columns -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | SCORED 6.0 D0 W0
            1 | 0 | SCORED 4.0 D1 W0
            2 | 0 | SCORED 2.0 D2 W0
            3 | 0 | SCORED 0.0 D3 W1
            5 | 0 | SCORED 0.0 veto D5 W0
            0 | 2 | SCORED 6.0 D0 W2
            """)
    void judge_blankSections_deductWarnVeto(int blank, int blankChildren, String expected) {
        List<Section> sections = new ArrayList<>(ScoringFixtures.healthySections());
        for (int i = 0; i < blank; i++) {
            sections.add(ScoringFixtures.section("downloads", null, 0, 0, true));
        }
        List<SiteMeasurement.Child> children = new ArrayList<>();
        for (int i = 0; i < blankChildren; i++) {
            children.add(new SiteMeasurement.Child("子栏目" + i, "http://site.test/c" + i + "/", 200, null, 0, 0, true));
        }
        sections.add(new Section("plans", "规划计划", "http://site.test/plans/", 200, DAY, 3, 0, false, List.of(),
                List.of(), children, 0));
        Judgement j = judgeMeasurement(new BlankSectionsRule(),
                ScoringFixtures.measurement(DAY, sections, List.of(), List.of()));
        assertThat(outcome(j)).isEqualTo(expected);
    }
}
