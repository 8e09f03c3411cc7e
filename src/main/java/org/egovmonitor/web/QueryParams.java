package org.egovmonitor.web;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;

/**
 * Query parameters arrive as strings and are parsed here, so a bad value is a 422 naming the parameter rather than
 * Jersey's silent 404.
 */
public final class QueryParams {

    /**
     * YYYY-MM-DD and YYYY-MM with exactly four year digits: ISO's signed years beyond 9999 parse in Java but are
     * out of PostgreSQL's range (a 500 instead of a 422).
     */
    public static final DateTimeFormatter DAY = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter().withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);
    public static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).toFormatter()
            .withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new ValidationException(List.of(FieldError.of(name, Messages.get("error.field.oneOf", allowed))));
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(List.of(FieldError.of(name, Messages.get("error.field.boolean"))));
        };
    }

    /** An integer query parameter within [min, max]; {@code absent} when missing or blank. */
    public static int integer(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(FieldError.of(name, Messages.get("error.web.integerBetween", min, max))));
    }
}
