package org.egovmonitor.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.egovmonitor.scoring.ScoringFixtures.CATALOGUE;
import static org.egovmonitor.scoring.ScoringFixtures.SECTIONS;

class IndicatorCatalogueTest {

    private static String defaultText() throws IOException {
        return Files.readString(Path.of("crawlers", "indicators.yml"));
    }

    @Test
    void defaultCatalogue_loads_weightsSumTo100PerGroup() {
        assertThat(CATALOGUE.indicators()).hasSize(13);
        assertThat(CATALOGUE.version()).isNotBlank();
        assertThat(CATALOGUE.hash()).hasSize(64);
        for (PeerGroup g : PeerGroup.values()) {
            double sum = CATALOGUE.indicators().stream().filter(i -> i.appliesTo(g)).mapToDouble(i -> i.weightFor(g))
                    .sum();
            assertThat(sum).as(g.name()).isEqualTo(100.0);
        }
        assertThat(CATALOGUE.indicators()).allMatch(i -> IndicatorCatalogue.GROUPS.contains(i.group())
                && !i.hint().isBlank());
        assertThat(CATALOGUE.probeWindowDays()).isEqualTo(7);
    }

    /** Each broken variant of the default file must fail naming the key. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "vetoAtPercent: 5}                       | vetoAtPercent: 5, extra: 1}      | indicators[0] (availability).params.extra: unknown param",
            "warnAtPercent: 3,                       | warnAtPercent: 6,                | indicators[0] (availability).params.warnAtPercent (6.0) must not exceed vetoAtPercent",
            "pointsPerStaleSection: 2,               | ''                               | indicators[2] (section_freshness).params.pointsPerStaleSection is missing",
            "families: [news, notices, policy]       | families: [news, gossip]         | families names unknown section family 'gossip'",
            "rule: BLANK_SECTIONS                    | rule: EMPTY_SECTIONS             | indicators[3] (blank_sections).rule must be one of",
            "weight: 6                               | weight: 7                        | weights for peer group DEPARTMENTS sum to 101.0, must be 100",
            "group: 互动服务                          | group: 互动                       | indicators[7] (interaction).group must be one of",
            "TOWNSHIPS: NOT_APPLICABLE               | TOWNSHIPS: SKIP                  | noSite.TOWNSHIPS must be NOT_APPLICABLE or ZERO",
            "excellent: 90                           | excellent: 70                    | grades must satisfy excellent > good > pass",
            "id: liaison                             | id: contribution                 | indicators[12].id 'contribution' is used by two indicators",
            // The probe window's old key: a section family's windowDays is a different window (sections.yml).
            "probeWindowDays: 7                      | windowDays: 7                    | indicators[0] (availability).params.windowDays: 已改名为 probeWindowDays（可用性探测窗口，天）"})
    void brokenCatalogue_messageNamesKey(String from, String to, String message) throws IOException {
        String text = defaultText();
        String fromText = from.strip();
        assertThat(text).contains(fromText);
        String broken = text.replaceFirst(java.util.regex.Pattern.quote(fromText),
                java.util.regex.Matcher.quoteReplacement(to.strip()));
        assertThatThrownBy(() -> IndicatorCatalogue.parse(broken, "indicators.yml", SECTIONS))
                .isInstanceOf(IndicatorCatalogueException.class)
                .hasMessageContaining("indicators.yml")
                .hasMessageContaining(message);
    }

    @Test
    void unknownTopLevelKey_failsWithLine() throws IOException {
        assertThatThrownBy(() -> IndicatorCatalogue.parse(defaultText() + "\nbogus: 1\n", "x.yml", SECTIONS))
                .isInstanceOf(IndicatorCatalogueException.class).hasMessageContaining("bogus")
                .hasMessageContaining("line");
    }

    @Test
    void overrides_changeWeightsAndParams_originalUntouched() {
        IndicatorCatalogue changed = CATALOGUE.withOverrides(Map.of("liaison", 40.0),
                Map.of("availability", Map.of("vetoAtPercent", 10.0)));
        assertThat(changed.indicator("liaison").orElseThrow().weight()).isEqualTo(40.0);
        assertThat(changed.indicator("availability").orElseThrow().param("vetoAtPercent")).isEqualTo(10.0);
        assertThat(CATALOGUE.indicator("liaison").orElseThrow().weight()).isEqualTo(4.0);
        assertThat(changed.hash()).endsWith("+what-if");
    }

    @Test
    void overrides_unknownOrBad_listEveryProblem() {
        assertThatThrownBy(() -> CATALOGUE.withOverrides(Map.of("nope", 1.0, "liaison", -1.0),
                Map.of("availability", Map.of("bogus", 1.0))))
                .isInstanceOfSatisfying(IndicatorCatalogueException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("weights.nope"))
                        .anyMatch(p -> p.startsWith("thresholds.availability.bogus")));
        assertThatThrownBy(() -> CATALOGUE.withOverrides(Map.of("liaison", -1.0), Map.of()))
                .isInstanceOfSatisfying(IndicatorCatalogueException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("(liaison).weight must be between 0 and 100")));
    }
}
