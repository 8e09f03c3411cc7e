package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeMeasurement;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;
import static org.egovmonitor.scoring.ScoringFixtures.section;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SectionFreshnessRuleTest {

    /** The healthy sections with those of the families of {@code changed} replaced by them. */
    static List<Section> with(Section... changed) {
        List<String> families = Stream.of(changed).map(Section::family).toList();
        List<Section> out = new ArrayList<>(ScoringFixtures.healthySections().stream()
                .filter(s -> !families.contains(s.family())).toList());
        out.addAll(List.of(changed));
        return out;
    }

    static Section stale(String family, int age) {
        return section(family, age < 0 ? null : DAY.minusDays(age), 20, 0, false);
    }

    static Section fresh(String family) {
        return section(family, DAY, 20, 0, false);
    }

    static Section withStaleChild(String family) {
        return new Section(family, "索引栏目", "http://site.test/idx/", 200, DAY, 0, 0, false, List.of(), List.of(),
                List.of(new SiteMeasurement.Child("子栏目", "http://site.test/idx/a/", 200, DAY.minusDays(400), 5, 0,
                        false)), 0);
    }

    /** A list without dates, seen unchanged since {@code age} days before DAY (null: not known). */
    static Section undated(String family, Integer age) {
        return new Section(family, family + "栏目", "http://site.test/" + family + "/", 200, null, 3, 0, false,
                List.of(new SiteMeasurement.Entry("办事指南一", "http://site.test/" + family + "/1.html", null)),
                List.of(), List.of(), 0, List.of(), "ab12", age == null ? null : DAY.minusDays(age));
    }

    // Weight 10; pointsPerStaleSection 2, warnAtCoreStale 3, vetoAtCoreStale 5, vetoAtShouldUpdateStale 10; core
    // families news (window 14), notices and policy (180); personnel has a window of 365 but is not core.
    static Stream<Arguments> cases() {
        List<Section> tenStale = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenStale.add(stale("personnel", 400));
        }
        return Stream.of(
                Arguments.of("all fresh", with(), "SCORED 10.0 D0 W0"),
                Arguments.of("news 14 days: inside its window", with(stale("news", 14)), "SCORED 10.0 D0 W0"),
                Arguments.of("news 15 days", with(stale("news", 15)), "SCORED 8.0 D1 W0"),
                Arguments.of("news without a dated item", with(stale("news", -1)), "SCORED 8.0 D1 W0"),
                Arguments.of("three core families stale", with(stale("news", 15), stale("notices", 181),
                        stale("policy", 200)), "SCORED 4.0 D3 W1"),
                Arguments.of("five core sections stale", with(stale("news", 15), stale("notices", 181),
                        stale("policy", 200), stale("news", 30), stale("news", 60)), "SCORED 0.0 veto D5 W0"),
                Arguments.of("a stale non-core section", with(stale("personnel", 400)), "SCORED 8.0 D1 W0"),
                Arguments.of("ten stale should-update sections", with(tenStale.toArray(Section[]::new)),
                        "SCORED 0.0 veto D10 W0"),
                Arguments.of("a family without a window is never stale", with(stale("open_gov", -1)),
                        "SCORED 10.0 D0 W0"),
                Arguments.of("a stale sub-column warns only", with(withStaleChild("personnel")),
                        "SCORED 10.0 D0 W1"),
                Arguments.of("undated news unchanged 14 days: inside its window", with(undated("news", 14)),
                        "SCORED 10.0 D0 W0"),
                Arguments.of("undated news unchanged 15 days", with(undated("news", 15)), "SCORED 8.0 D1 W0"),
                Arguments.of("undated news first seen today", with(undated("news", 0)), "SCORED 10.0 D0 W0"),
                Arguments.of("undated news, no change history", with(undated("news", null)), "SCORED 8.0 D1 W0"),
                Arguments.of("a dated newest day wins over unchangedSince", with(new Section("news", "新闻",
                        "http://site.test/news/", 200, DAY.minusDays(30), 3, 0, false, List.of(), List.of(), List.of(),
                        0, List.of(), "ab12", DAY)), "SCORED 8.0 D1 W0"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void judge_staleSections_deductWarnVeto(String name, List<Section> sections, String expected) {
        Judgement j = judgeMeasurement(new SectionFreshnessRule(),
                ScoringFixtures.measurement(DAY, sections, List.of(), List.of()));
        assertThat(outcome(j)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void judge_undatedUnchangedSection_findingSaysSinceWhenAndHowLong() {
        Judgement j = judgeMeasurement(new SectionFreshnessRule(),
                ScoringFixtures.measurement(DAY, with(undated("notices", 200)), List.of(), List.of()));
        assertThat(j.findings()).singleElement().satisfies(f -> {
            assertThat(f.observed()).isEqualTo("栏目“notices栏目”无日期，内容自 " + DAY.minusDays(200)
                    + " 起未变化（200 天）");
            assertThat(f.evidence().url()).isEqualTo("http://site.test/notices/");
        });
    }
}
