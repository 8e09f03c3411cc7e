package org.egovmonitor.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.egovmonitor.platform.InvalidRulesException;
import org.egovmonitor.platform.RuleProblem;
import org.egovmonitor.registry.PeerGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.egovmonitor.platform.RuleFileAssert.broken;
import static org.egovmonitor.platform.RuleFileAssert.failsWith;
import static org.egovmonitor.platform.RuleFileAssert.lineOf;
import static org.egovmonitor.scoring.ScoringFixtures.CATALOGUE;
import static org.egovmonitor.scoring.ScoringFixtures.SECTIONS;

class IndicatorCatalogueTest {

    private static String defaultText() throws IOException {
        return Files.readString(Path.of("crawlers", "indicators.yml"));
    }

    @Test
    void defaultCatalogue_loads_weightsSumTo100PerGroup() {
        // the 13 of the 2024.1 edition and the four inspection indicators, one for each rule type
        assertThat(CATALOGUE.indicators()).hasSize(17);
        assertThat(CATALOGUE.indicators()).extracting(Indicator::rule).containsExactlyInAnyOrder(RuleType.values());
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

    /** One broken variant of the shipped file each: from, to, where the line is, field, reason. */
    static Stream<Arguments> brokenVariants() {
        return Stream.of(
                Arguments.of("unknown key", "maxMeasurementAgeDays: 7", "maxMeasurementAgeDay: 7",
                        "maxMeasurementAgeDay", "maxMeasurementAgeDay", "未知的键（可用的键："),
                Arguments.of("wrong type", "  excellent: 90", "  excellent: high", "excellent: high",
                        "grades.excellent", "必须是数字，实为 high"),
                Arguments.of("syntax error", "  good: 80", "  good: 80: 1", "good: 80: 1", "grades.good",
                        "YAML 语法错误"),
                Arguments.of("missing field", "  - id: availability", "  - name: 可用",
                        "  - name: 可用", "indicators[0].id", "必须由小写字母、数字和 _ 组成，实为 'null'"),
                Arguments.of("missing policy", "  TOWNSHIPS: NOT_APPLICABLE\n", "", "noSite:", "noSite.TOWNSHIPS",
                        "缺少此项"),
                Arguments.of("unknown param", "vetoAtPercent: 5}", "vetoAtPercent: 5, extra: 1}", "extra: 1",
                        "indicators[0].params.extra", "该指标没有这个参数，可用参数："),
                Arguments.of("warning beyond veto", "warnAtPercent: 3,", "warnAtPercent: 6,", "warnAtPercent: 6",
                        "indicators[0].params.warnAtPercent", "取值（6.0）不能大于 vetoAtPercent（5.0）"),
                Arguments.of("missing param", "pointsPerStaleSection: 2, ", "", "params: {warnAtCoreStale: 3",
                        "indicators[2].params.pointsPerStaleSection", "缺少此项（规则 SECTION_FRESHNESS 需要）"),
                Arguments.of("unknown section family", "families: [news, notices, policy]", "families: [news, gossip]",
                        "families: [news, gossip]", "indicators[2].families[1]",
                        "未知的栏目族 gossip（见 crawlers/sections.yml）"),
                Arguments.of("unknown rule", "rule: BLANK_SECTIONS", "rule: EMPTY_SECTIONS", "EMPTY_SECTIONS",
                        "indicators[3].rule", "必须是 ["),
                Arguments.of("weights off 100", "weight: 6", "weight: 7", "indicators:", "indicators",
                        "同级组 DEPARTMENTS 的权重合计为 101.0，必须为 100"),
                Arguments.of("unknown group", "group: 互动服务", "group: 互动", "group: 互动",
                        "indicators[7].group", "必须是 网站建设、信息更新"),
                Arguments.of("unknown policy", "TOWNSHIPS: NOT_APPLICABLE", "TOWNSHIPS: SKIP", "TOWNSHIPS: SKIP",
                        "noSite.TOWNSHIPS", "必须是 NOT_APPLICABLE 或 ZERO，实为 SKIP"),
                Arguments.of("blank no-site hint", "noSiteHint: 建设本单位", "noSiteHint: ''\n#", "noSiteHint: ''",
                        "noSiteHint", "缺少此项（未建网站的整改提示）"),
                Arguments.of("reserved no-site id", "id: liaison", "id: no_site", "id: no_site",
                        "indicators[11].id", "'no_site' 留作未建网站的发现使用，不能作为指标 id"),
                Arguments.of("grades out of order", "excellent: 90", "excellent: 70", "grades:", "grades",
                        "必须满足 excellent > good > pass > 0，实为 70.0 / 80.0 / 60.0"),
                Arguments.of("duplicate id", "id: liaison", "id: contribution", "id: contribution",
                        "indicators[12].id", "'contribution' 已被另一个指标使用"),
                // The probe window's old key: a section family's windowDays is a different window (sections.yml).
                Arguments.of("old probe window key", "probeWindowDays: 7", "windowDays: 7", "windowDays: 7",
                        "indicators[0].params.windowDays", "已改名为 probeWindowDays（可用性探测窗口，天）"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenVariants")
    void parse_brokenVariant_namesFileLineFieldAndReason(String name, String from, String to, String at,
                                                          String field, String reason) throws IOException {
        String yaml = broken(defaultText(), from, to);
        failsWith(() -> IndicatorCatalogue.parse(yaml, "crawlers/indicators.yml", SECTIONS),
                "crawlers/indicators.yml", lineOf(yaml, at), field, reason);
    }

    @Test
    void parse_unknownTopLevelKey_failsWithItsLine() throws IOException {
        String yaml = defaultText() + "\nbogus: 1\n";
        failsWith(() -> IndicatorCatalogue.parse(yaml, "x.yml", SECTIONS), "x.yml", lineOf(yaml, "bogus"), "bogus",
                "未知的键（可用的键：");
    }

    @Test
    void overrides_changeWeightsAndParams_originalUntouched() {
        IndicatorCatalogue changed = CATALOGUE.withOverrides(Map.of("liaison", 40.0),
                Map.of("availability", Map.of("vetoAtPercent", 10.0)));
        assertThat(changed.indicator("liaison").orElseThrow().weight()).isEqualTo(40.0);
        assertThat(changed.indicator("availability").orElseThrow().param("vetoAtPercent")).isEqualTo(10.0);
        assertThat(CATALOGUE.indicator("liaison").orElseThrow().weight()).isEqualTo(3.0);
        assertThat(changed.hash()).endsWith("+what-if");
    }

    @Test
    void overrides_unknownOrBad_listEveryProblem() {
        assertThatThrownBy(() -> CATALOGUE.withOverrides(Map.of("nope", 1.0, "liaison", -1.0),
                Map.of("availability", Map.of("bogus", 1.0))))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::field).contains("weights.nope", "thresholds.availability.bogus"));
        assertThatThrownBy(() -> CATALOGUE.withOverrides(Map.of("liaison", -1.0), Map.of()))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                        .contains(new RuleProblem("indicators[11].weight", "权重应在 0 到 100 之间，实为 -1.0")));
    }
}
