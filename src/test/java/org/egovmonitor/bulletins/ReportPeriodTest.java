package org.egovmonitor.bulletins;

import java.time.LocalDate;
import org.egovmonitor.errors.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    @ParameterizedTest(name = "{0} of {1}: {2}..{3}, previous {4}..{5}, {6}")
    @CsvSource(delimiter = '|', value = {
            "WEEKLY    | 2024-06-30 | 2024-06-24 | 2024-06-30 | 2024-06-17 | 2024-06-23 | 2024年第26周（2024-06-24 至 2024-06-30）",
            "WEEKLY    | 2024-12-31 | 2024-12-30 | 2025-01-05 | 2024-12-23 | 2024-12-29 | 2025年第1周（2024-12-30 至 2025-01-05）",
            "MONTHLY   | 2024-03-15 | 2024-03-01 | 2024-03-31 | 2024-02-01 | 2024-02-29 | 2024年3月",
            "MONTHLY   | 2024-01-01 | 2024-01-01 | 2024-01-31 | 2023-12-01 | 2023-12-31 | 2024年1月",
            "QUARTERLY | 2024-05-20 | 2024-04-01 | 2024-06-30 | 2024-01-01 | 2024-03-31 | 2024年第2季度",
            "QUARTERLY | 2024-01-01 | 2024-01-01 | 2024-03-31 | 2023-10-01 | 2023-12-31 | 2024年第1季度"})
    void containing_calendarPeriod_previousAndTitle(BulletinKind kind, LocalDate day, LocalDate from, LocalDate to,
                                                    LocalDate previousFrom, LocalDate previousTo, String title) {
        ReportPeriod period = ReportPeriod.containing(kind, day);
        assertThat(period).isEqualTo(new ReportPeriod(kind, from, to));
        assertThat(period.previous()).isEqualTo(new ReportPeriod(kind, previousFrom, previousTo));
        assertThat(period.title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0} ends {1}")
    @CsvSource({
            "2024-06-30, 'WEEKLY,MONTHLY,QUARTERLY'",
            "2024-05-31, 'MONTHLY'",
            "2024-06-23, 'WEEKLY'",
            "2024-06-26, ''"})
    void endingOn_theCalendarPeriodsWhoseLastDayItIs(LocalDate day, String kinds) {
        assertThat(ReportPeriod.endingOn(day)).allMatch(p -> p.to().equals(day))
                .extracting(p -> p.kind().name()).containsExactly(kinds.isEmpty() ? new String[0] : kinds.split(","));
    }

    @Test
    void custom_previousIsTheSameLengthJustBefore() {
        ReportPeriod period = new ReportPeriod(BulletinKind.CUSTOM, LocalDate.of(2024, 6, 11), LocalDate.of(2024, 6, 20));
        assertThat(period.previous()).isEqualTo(new ReportPeriod(BulletinKind.CUSTOM, LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 10)));
    }

    @Test
    void custom_backwardsOrTooLong_422() {
        assertThatThrownBy(() -> new ReportPeriod(BulletinKind.CUSTOM, LocalDate.of(2024, 6, 2),
                LocalDate.of(2024, 6, 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new ReportPeriod(BulletinKind.CUSTOM, LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 1, 3))).isInstanceOf(ValidationException.class);
        assertThat(new ReportPeriod(BulletinKind.CUSTOM, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).to())
                .isEqualTo(LocalDate.of(2024, 12, 31));
    }
}
