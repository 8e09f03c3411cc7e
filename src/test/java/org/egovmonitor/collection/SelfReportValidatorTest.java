package org.egovmonitor.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.egovmonitor.errors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SelfReportValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2003, 6, 1);

    /** A valid report: a LAN with 30 of 32 computers networked for 40 staff, OA and a vertical network. */
    static SelfReportRequest valid() {
        return new SelfReportRequest(LocalDate.of(2003, 5, 20), true, 32, 30, 40, true, true, true,
                List.of(SystemInUse.OA, SystemInUse.FINANCE_VERTICAL), List.of("档案管理系统"), "备注", "张三");
    }

    static SelfReportRequest with(UnaryOperator<Object[]> change) {
        SelfReportRequest v = valid();
        Object[] f = {v.reportDate(), v.lanPresent(), v.computers(), v.networkedComputers(), v.staff(),
                v.internetAccess(), v.oaInUse(), v.egovConnected(), v.systems(), v.otherSystems(), v.note(),
                v.submittedBy()};
        Object[] g = change.apply(f);
        @SuppressWarnings("unchecked")
        SelfReportRequest r = new SelfReportRequest((LocalDate) g[0], (Boolean) g[1], (Integer) g[2],
                (Integer) g[3], (Integer) g[4], (Boolean) g[5], (Boolean) g[6], (Boolean) g[7],
                (List<SystemInUse>) g[8], (List<String>) g[9], (String) g[10], (String) g[11]);
        return r;
    }

    static UnaryOperator<Object[]> set(Object... indexValue) {
        return f -> {
            for (int i = 0; i < indexValue.length; i += 2) {
                f[(Integer) indexValue[i]] = indexValue[i + 1];
            }
            return f;
        };
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("missing date", set(0, null), "reportDate"),
                Arguments.of("future date", set(0, TODAY.plusDays(1)), "reportDate"),
                Arguments.of("missing lan", set(1, null), "lanPresent"),
                Arguments.of("negative computers", set(2, -1), "computers"),
                Arguments.of("negative networked", set(3, -2), "networkedComputers"),
                Arguments.of("negative staff", set(4, -3), "staff"),
                Arguments.of("missing staff", set(4, null), "staff"),
                Arguments.of("computers > 100 x staff", set(2, 401, 3, 0, 4, 4), "computers"),
                Arguments.of("computers with no staff", set(2, 5, 3, 0, 4, 0), "computers"),
                Arguments.of("networked > computers", set(3, 33), "networkedComputers"),
                Arguments.of("no LAN but networked", set(1, false), "networkedComputers"),
                Arguments.of("no computers but LAN", set(2, 0, 3, 0, 8, List.of()), "lanPresent"),
                Arguments.of("no computers but OA", set(1, false, 2, 0, 3, 0, 5, false, 8, List.of()), "oaInUse"),
                Arguments.of("no computers but internet", set(1, false, 2, 0, 3, 0, 6, false, 8, List.of()),
                        "internetAccess"),
                Arguments.of("OA system but no OA", set(6, false), "systems"),
                Arguments.of("null system", set(8, java.util.Arrays.asList(SystemInUse.OA, null)), "systems"),
                Arguments.of("blank other system", set(9, List.of(" ")), "otherSystems"),
                Arguments.of("missing internet", set(5, null), "internetAccess"),
                Arguments.of("missing egov", set(7, null), "egovConnected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void check_brokenRule_fieldErrorInChinese(String name, UnaryOperator<Object[]> change, String field) {
        List<FieldError> errors = SelfReportValidator.check(with(change), TODAY).errors();
        assertThat(errors).extracting(FieldError::field).contains(field);
        assertThat(errors).allMatch(e -> e.reason().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    @Test
    void check_valid_ok() {
        assertThat(SelfReportValidator.check(valid(), TODAY).errors()).isEmpty();
    }

    @Test
    void check_noComputersAtAll_isAValidReport() {
        SelfReportRequest none = new SelfReportRequest(TODAY, false, 0, null, 18, false, false, false, null, null,
                null, null);
        var checked = SelfReportValidator.check(none, TODAY);
        assertThat(checked.errors()).isEmpty();
        assertThat(checked.value().networkedComputers()).isZero();
        assertThat(checked.value().systems()).isEmpty();
    }

    @Test
    void check_exactlyHundredPerStaff_allowed() {
        assertThat(SelfReportValidator.check(with(set(2, 400, 3, 0, 4, 4)), TODAY).errors()).isEmpty();
    }
}
