package org.egovmonitor.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.JsonFieldErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's JSON reader (Dropwizard's mapper as the app configures it) on values it must refuse or keep. */
class StrictJsonModuleTest {

    static final ObjectMapper JSON = StrictJsonModule.configure(Jackson.newObjectMapper());

    record Body(String text, List<String> tags, Double ratio, double weight, Float share,
                Map<String, Double> weights, Map<String, Map<String, Double>> thresholds, LocalDate date) {
    }

    private static FieldError refused(String json) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JSON.readValue(json, Body.class));
        assertThat(t).as(json).isInstanceOf(JsonMappingException.class);
        return JsonFieldErrors.from((JsonMappingException) t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"ratio\":\"NaN\"}                                   | ratio",
            "{\"ratio\":\"Infinity\"}                              | ratio",
            "{\"ratio\":1e400}                                     | ratio",
            "{\"weight\":-1e400}                                   | weight",
            "{\"weight\":\"-Infinity\"}                            | weight",
            "{\"share\":1e50}                                      | share",
            "{\"weights\":{\"availability\":\"NaN\"}}              | weights.availability",
            "{\"thresholds\":{\"a\":{\"windowDays\":\"Infinity\"}}} | thresholds.a.windowDays"})
    void nonFiniteNumber_refusedNamingTheField(String json, String field) {
        FieldError error = refused(json);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).isEqualTo("应为有限的数字（不接受 NaN 或 Infinity）");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"text\":\"a\\u0000b\"} | text",
            "{\"text\":\"\\u001b[2J\"} | text",
            "{\"text\":\"\\u007f\"}    | text",
            "{\"tags\":[\"ok\",\"\\u0000\"]} | tags.[1]"})
    void controlCharacter_refusedNamingTheField(String json, String field) {
        FieldError error = refused(json);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).isEqualTo("不能包含控制字符");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"date\":2147483648}         | 日期格式应为 YYYY-MM-DD",
            "{\"date\":\"+100000-01-01\"}  | 年份应在 1 到 9999 之间",
            "{\"date\":\"2024-02-30\"}     | 日期格式应为 YYYY-MM-DD"})
    void dateOutOfRange_refusedNamingTheField(String json, String reason) {
        FieldError error = refused(json);
        assertThat(error.field()).isEqualTo("date");
        assertThat(error.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"text\":\"第一行\\n第二行\\t制表\\r\\n\"}", "{\"ratio\":1.5e300,\"weight\":-0.0}",
            "{\"date\":\"2024-06-30\"}", "{\"date\":[2024,6,30]}", "{\"ratio\":null,\"date\":null}"})
    void ordinaryValues_kept(String json) throws Exception {
        assertThat(JSON.readValue(json, Body.class)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void primitiveDouble_absent_defaultsToZero() throws Exception {
        assertThat(JSON.readValue("{}", Body.class).weight()).isZero();
        assertThatThrownBy(() -> JSON.readValue("{\"weight\":\"x\"}", Body.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(JsonFieldErrors.from(e).reason()).isEqualTo("应为数字"));
    }
}
