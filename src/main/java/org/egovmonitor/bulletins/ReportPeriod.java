package org.egovmonitor.bulletins;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;

/**
 * A report's period: its kind and first and last day (inclusive). Weeks run Monday to Sunday, quarters are calendar
 * quarters. The previous period (for 环比) is the one of the same kind just before; for a custom range, the range of
 * the same length just before it.
 */
public record ReportPeriod(BulletinKind kind, LocalDate from, LocalDate to) {

    /** The longest custom range: a year and a day (a leap year's whole year fits). */
    static final int MAX_DAYS = 367;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new ValidationException(List.of(FieldError.of("from", Messages.get("error.period.fromAfterTo"))));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new ValidationException(List.of(FieldError.of("to", Messages.get("error.period.tooLong", MAX_DAYS))));
        }
    }

    /** The period of {@code kind} that contains {@code day} (not for CUSTOM, which has no calendar). */
    public static ReportPeriod containing(BulletinKind kind, LocalDate day) {
        return switch (kind) {
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(kind, monday, monday.plusDays(6));
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(day);
                yield new ReportPeriod(kind, month.atDay(1), month.atEndOfMonth());
            }
            case QUARTERLY -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new ReportPeriod(kind, first, first.plusMonths(3).minusDays(1));
            }
            case CUSTOM -> throw new IllegalArgumentException("a custom period has no calendar");
        };
    }

    /** The calendar periods whose last day is {@code day}: what the scheduled run generates the day after. */
    public static List<ReportPeriod> endingOn(LocalDate day) {
        List<ReportPeriod> ended = new ArrayList<>();
        for (BulletinKind kind : List.of(BulletinKind.WEEKLY, BulletinKind.MONTHLY, BulletinKind.QUARTERLY)) {
            ReportPeriod period = containing(kind, day);
            if (period.to().equals(day)) {
                ended.add(period);
            }
        }
        return ended;
    }

    public ReportPeriod previous() {
        if (kind == BulletinKind.CUSTOM) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new ReportPeriod(kind, from.minusDays(days), from.minusDays(1));
        }
        return containing(kind, from.minusDays(1));
    }

    /** The period in words, e.g. 2024年6月 月报 (2024-06-01 至 2024-06-30). */
    public String title() {
        String span = from + " 至 " + to;
        return switch (kind) {
            case WEEKLY -> from.get(IsoFields.WEEK_BASED_YEAR) + "年第" + from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周（" + span + "）";
            case MONTHLY -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTERLY -> from.getYear() + "年第" + from.get(IsoFields.QUARTER_OF_YEAR) + "季度";
            case CUSTOM -> span;
        };
    }
}
