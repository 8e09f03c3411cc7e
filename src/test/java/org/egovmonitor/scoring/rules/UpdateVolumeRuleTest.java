package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeMeasurement;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateVolumeRuleTest {

    /** A news section: {@code stored} items counted in the window by the crawl, and its entry dates (null: unknown). */
    static Section news(int stored, List<LocalDate> dates) {
        return new Section("news", "新闻", "http://site.test/news/", 200, DAY, 20, stored, false, List.of(),
                List.of(), List.of(), 0, dates);
    }

    /** {@code count} dates, one a day back from {@code DAY - fromAge}. */
    static List<LocalDate> daily(int fromAge, int count) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(DAY.minusDays(fromAge + i));
        }
        return out;
    }

    // Weight 6; floorPer30Days 8, pointsPerMissingItem 1; news window 14 days: volume = items × 30 / 14.
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("stored count only, 10 in the window (21.43 a month)", List.of(news(10, null)),
                        "SCORED 6.0 D0 W0"),
                Arguments.of("stored count only, 2 in the window (4.29 a month)", List.of(news(2, null)),
                        "SCORED 2.29 D1 W0"),
                Arguments.of("dates win over the stored count: 3 of 13 in 14 days (6.43 a month)",
                        List.of(news(13, Stream.concat(daily(0, 3).stream(), daily(20, 10).stream()).toList())),
                        "SCORED 4.43 D1 W0"),
                Arguments.of("no dated entry at all, whatever was counted", List.of(news(10, List.of())),
                        "SCORED 0.0 D1 W0"),
                Arguments.of("two news sections add up", List.of(news(0, daily(0, 2)), news(0, daily(1, 2))),
                        "SCORED 6.0 D0 W0"),
                Arguments.of("no news section: volume 0", List.of(), "SCORED 0.0 D1 W0"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void judge_newsVolume_deductsBelowFloor(String name, List<Section> news, String expected) {
        List<Section> sections = new ArrayList<>(ScoringFixtures.healthySections().stream()
                .filter(s -> !s.family().equals("news")).toList());
        sections.addAll(news);
        Judgement j = judgeMeasurement(new UpdateVolumeRule(),
                ScoringFixtures.measurement(DAY, sections, List.of(), List.of()));
        assertThat(outcome(j)).isEqualTo(expected);
    }

    // Counted at score time against the measurement day: an entry exactly windowDays old is in, later dates too.
    @ParameterizedTest(name = "ages [{0}], stored {1}, window {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ''              | 7  | 14  | 0
            0 13 14 15      | 9  | 14  | 3
            0 13 14 15      | 9  | 15  | 4
            0 13 14 15      | 9  | 7   | 1
            -2 0            | 0  | 14  | 2
            null            | 9  | 14  | 9
            null            | 9  | 60  | 9
            """)
    void itemsInWindow_datesOrStoredCount_countedWithTheGivenWindow(String ages, int stored, int window,
                                                                   int expected) {
        List<LocalDate> dates = ages.equals("null") ? null : ages.isBlank() ? List.of()
                : Stream.of(ages.trim().split(" +")).map(a -> DAY.minusDays(Integer.parseInt(a))).toList();
        assertThat(UpdateVolumeRule.itemsInWindow(news(stored, dates), window, DAY)).isEqualTo(expected);
    }
}
