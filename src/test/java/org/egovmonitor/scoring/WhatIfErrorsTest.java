package org.egovmonitor.scoring;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What-if overrides the catalogue refuses come back as field errors of the request, in Chinese: each case goes
 * through the real catalogue validation, so a reworded catalogue message that is no longer translated fails here.
 */
class WhatIfErrorsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Map.of("nope", 1.0), null, "weights.nope", "没有这个指标"),
                Arguments.of(null, Map.of("nope", Map.of("x", 1.0)), "thresholds.nope", "没有这个指标"),
                Arguments.of(null, Map.of("availability", Map.of("bogus", 1.0)), "thresholds.availability.bogus",
                        "该指标没有这个参数，可用参数：probeWindowDays"),
                Arguments.of(Map.of("availability", 150.0), null, "weights.availability", "权重应在 0 到 100 之间"),
                Arguments.of(Map.of("availability", -1.0), null, "weights.availability", "实为 -1.0"),
                // NaN compares false with both bounds: it must still be out of range (it reordered the ranking).
                Arguments.of(Map.of("availability", Double.NaN), null, "weights.availability", "实为 NaN"),
                Arguments.of(null, Map.of("availability", Map.of("warnAtPercent", -2.0)),
                        "thresholds.availability.warnAtPercent", "不能为负数"),
                Arguments.of(null, Map.of("availability", Map.of("warnAtPercent", 9.0, "vetoAtPercent", 5.0)),
                        "thresholds.availability.warnAtPercent", "不能大于 vetoAtPercent"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void whatIf_refusedOverride_chineseFieldError(Map<String, Double> weights,
                                                  Map<String, Map<String, Double>> thresholds, String field,
                                                  String message) {
        ScoreSnapshotService service = new ScoreSnapshotService(null, day -> List.of(), ScoringFixtures.CATALOGUE,
                null, null);
        assertThatThrownBy(() -> service.whatIf(new WhatIfRequest(null, weights, thresholds)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).contains(field);
                    assertThat(e.errors()).filteredOn(f -> f.field().equals(field))
                            .allSatisfy(f -> assertThat(f.reason()).contains(message));
                    assertThat(e.errors()).allSatisfy(f -> assertThat(f.reason()).doesNotContainPattern("[a-z]{3,} [a-z]{3,}"));
                });
    }
}
