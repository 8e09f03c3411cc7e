package org.egovmonitor.crawler.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date of a list item in text, judged against an injected "now". Pure and immutable.
 *
 * <p>Formats: {@code 2003-04-15}, {@code 2003/4/15}, {@code 2003.04.15}, {@code 2003年4月15日}, optionally wrapped in
 * {@code () [] 【】 （）} and optionally followed by a time; year-less {@code 04-15}, {@code 4/15}, {@code 4月15日}
 * (and {@code 04.15} when it is the whole text). Rules:
 * <ul>
 *   <li>a year-less date takes the context year (e.g. the newest full date elsewhere on the page) or else now's year;
 *       if that puts it after now it belongs to the previous year (a list seen on 5 January shows {@code 12-28});</li>
 *   <li>a full date after now is rejected, never clamped: a future date is a typo or a scheduled event, not an
 *       update; so are impossible dates ({@code 2003-02-30}) and years before {@value #MIN_YEAR};</li>
 *   <li>copyright lines ({@code ©}, {@code Copyright}, {@code 版权所有}) never carry an item date;</li>
 *   <li>{@link #dateOfText} accepts only text that is essentially a date (a dedicated {@code span}/{@code td}...),
 *       {@link #dateAtEdges} only a date at the very start or end of an entry's text, so a date mentioned in a
 *       headline such as {@code 关于2003年4月15日会议的通知} is not taken.</li>
 * </ul>
 */
public final class DateExtractor {

    /** No government website predates this; earlier "dates" are numbers that merely look like one. */
    static final int MIN_YEAR = 1990;

    /**
     * A date as written, before year inference.
     *
     * @param year  the written year, or null for a year-less date
     * @param month 1-12 (not yet validated)
     * @param day   1-31 (not yet validated)
     */
    public record RawDate(Integer year, int month, int day) {
        public boolean hasYear() {
            return year != null;
        }
    }

    /**
     * A date written somewhere in a text, before year inference.
     *
     * @param start index of its first character in the text
     * @param end   index after its last character (a time written after it included)
     */
    public record DateMatch(RawDate raw, int start, int end) {
    }

    private static final String TIME = "(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?";

    /**
     * Full date; group 2 is the separator so that mixed separators (2003-04/15) do not match. A 年月 date without 日
     * counts only when no word follows: {@code 2024年6月12项重点工作} is a headline, not 12 June.
     */
    private static final Pattern FULL = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*(?:([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})"
                    + "|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})(?:\\s*[日号]|(?!\\s*[\\p{L}\\d])))"
                    + "(?!\\d)" + TIME);

    /** Year-less date in running text: {@code -}/{@code /} or 月日, not preceded by a year or a separator. */
    private static final Pattern SHORT = Pattern.compile(
            "(?<![\\d年./\\-])(\\d{1,2})\\s*(?:[-/]\\s*(\\d{1,2})|月\\s*(\\d{1,2})\\s*日)(?![\\d./\\-])" + TIME);

    /** Year-less date as the whole text: also allows a dot ({@code 04.15}). */
    private static final Pattern SHORT_WHOLE = Pattern.compile(
            "(\\d{1,2})\\s*(?:[-/.]\\s*(\\d{1,2})|月\\s*(\\d{1,2})\\s*日?)" + TIME);

    /** A short label in front of a dedicated date: 发布时间：, 日期:, Date: ... */
    private static final Pattern LABEL = Pattern.compile("^[^\\d]{1,8}?[:：]\\s*");

    private static final String OPEN = "([【〔［（<《{";
    private static final String CLOSE = ")]】〕］）>》}";

    private final LocalDate now;

    /** The latest day a date may fall on: now, plus the tolerance for a site's clock running ahead of ours. */
    private final LocalDate limit;

    /** An extractor that rejects every date after {@code now}. */
    public DateExtractor(LocalDate now) {
        this(now, 0);
    }

    /**
     * @param futureToleranceDays days after {@code now} a date may still fall (a site in a time zone ahead of ours);
     *                            later ones are typos or scheduled events and are rejected
     */
    public DateExtractor(LocalDate now, int futureToleranceDays) {
        this.now = Objects.requireNonNull(now, "now");
        if (futureToleranceDays < 0) {
            throw new IllegalArgumentException("futureToleranceDays must not be negative");
        }
        this.limit = now.plusDays(futureToleranceDays);
    }

    public LocalDate now() {
        return now;
    }

    /** The date of a text that is essentially a date (brackets, a short label and a time allowed). */
    public Optional<LocalDate> dateOfText(String text, Integer contextYear) {
        return rawDateOfText(text).flatMap(raw -> resolve(raw, contextYear));
    }

    /** The date at the very start or end of an entry's running text; dates inside the text are ignored. */
    public Optional<LocalDate> dateAtEdges(String text, Integer contextYear) {
        return rawDateAtEdges(text).flatMap(raw -> resolve(raw, contextYear));
    }

    /** {@link #dateOfText} before year inference. */
    public static Optional<RawDate> rawDateOfText(String text) {
        if (text == null || isCopyright(text)) {
            return Optional.empty();
        }
        String t = stripBrackets(trim(text));
        if (t.length() > 40) {
            return Optional.empty();
        }
        Matcher label = LABEL.matcher(t);
        if (label.find()) {
            t = stripBrackets(trim(t.substring(label.end())));
        }
        Matcher full = FULL.matcher(t);
        if (full.matches()) {
            return Optional.of(fullRaw(full));
        }
        Matcher shortDate = SHORT_WHOLE.matcher(t);
        if (shortDate.matches()) {
            return Optional.of(shortRaw(shortDate));
        }
        return Optional.empty();
    }

    /** {@link #dateAtEdges} before year inference. */
    public static Optional<RawDate> rawDateAtEdges(String text) {
        if (text == null || isCopyright(text)) {
            return Optional.empty();
        }
        String t = trim(text);
        Optional<RawDate> found = edgeMatch(t, FULL.matcher(t), true);
        return found.isPresent() ? found : edgeMatch(t, SHORT.matcher(t), false);
    }

    /**
     * Every date written in a text, in order, for texts where labels say which date is which ({@code 来信时间：2024-01-02
     * 回复时间：2024-01-20}). Full dates anywhere; year-less ones only where they cannot be a fraction or a score:
     * bracketed, right after a label's colon, or as the whole text. Nothing in a copyright line.
     */
    public static List<DateMatch> rawDatesIn(String text) {
        List<DateMatch> out = new ArrayList<>();
        if (text == null || isCopyright(text)) {
            return out;
        }
        Matcher full = FULL.matcher(text);
        while (full.find()) {
            out.add(new DateMatch(fullRaw(full), full.start(), full.end()));
        }
        Matcher shortDate = SHORT.matcher(text);
        while (shortDate.find()) {
            int start = shortDate.start();
            int end = shortDate.end();
            if (out.stream().anyMatch(d -> d.start() < end && start < d.end())) {
                continue;
            }
            int before = start - 1;
            while (before >= 0 && isSpace(text.charAt(before))) {
                before--;
            }
            boolean bracketed = before >= 0 && OPEN.indexOf(text.charAt(before)) >= 0 && end < text.length()
                    && CLOSE.indexOf(text.charAt(end)) >= 0;
            boolean afterColon = before >= 0 && (text.charAt(before) == ':' || text.charAt(before) == '：');
            boolean whole = before < 0 && trim(text.substring(end)).isEmpty();
            if (bracketed || afterColon || whole) {
                out.add(new DateMatch(shortRaw(shortDate), start, end));
            }
        }
        out.sort(Comparator.comparingInt(DateMatch::start));
        return out;
    }

    /**
     * The newest valid, non-future full date anywhere in a text (running text included). Only for inferring the
     * year of year-less dates on the same page, never as an item date.
     */
    public Optional<LocalDate> newestFullDateIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        LocalDate newest = null;
        Matcher m = FULL.matcher(text);
        while (m.find()) {
            LocalDate d = resolve(fullRaw(m), (Integer) null).orElse(null);
            if (d != null && (newest == null || d.isAfter(newest))) {
                newest = d;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The date that starts at {@code from} in a text (after a label such as 发布时间：), before year inference: a full
     * date, else a year-less one.
     */
    static Optional<RawDate> rawDateAt(String text, int from) {
        Matcher full = FULL.matcher(text).region(from, text.length());
        if (full.lookingAt()) {
            return Optional.of(fullRaw(full));
        }
        Matcher shortDate = SHORT_WHOLE.matcher(text).region(from, text.length());
        if (shortDate.lookingAt() && (shortDate.end() == text.length()
                || !Character.isDigit(text.charAt(shortDate.end())))) {
            return Optional.of(shortRaw(shortDate));
        }
        return Optional.empty();
    }

    /** A year heading: {@code 2024年}, {@code 2024}, {@code 【2024年度】}, or a short caption that starts with one. */
    private static final Pattern YEAR_HEADING = Pattern.compile("(\\d{4})\\s*(?:年度?)?");
    private static final Pattern YEAR_CAPTION = Pattern.compile("(\\d{4})\\s*年度?(?![\\d\\s]*月)\\D{1,8}");

    /**
     * The year a heading above a list names (2024年, a tab 2023, a caption 2024年工作动态), or null. Dates listed under
     * it without a year of their own take it.
     */
    public static Integer yearOfHeading(String heading) {
        if (heading == null) {
            return null;
        }
        String t = stripBrackets(trim(heading));
        if (t.endsWith(":") || t.endsWith("：")) {
            t = trim(t.substring(0, t.length() - 1));
        }
        Matcher m = YEAR_HEADING.matcher(t);
        if (!m.matches()) {
            m = YEAR_CAPTION.matcher(t);
            if (!m.matches()) {
                return null;
            }
        }
        int year = Integer.parseInt(m.group(1));
        return year < MIN_YEAR ? null : year;
    }

    /** True when the text is essentially a date (used to keep dates from being taken as block headings). */
    public static boolean isDateText(String text) {
        return rawDateOfText(text).isPresent();
    }

    /** Turns a written date into a real one: year inference, validity, never in the future. */
    public Optional<LocalDate> resolve(RawDate raw, Integer contextYear) {
        if (raw.hasYear()) {
            LocalDate d = date(raw.year(), raw.month(), raw.day());
            return d == null || d.getYear() < MIN_YEAR || d.isAfter(limit) ? Optional.empty() : Optional.of(d);
        }
        int year = contextYear != null ? contextYear : now.getYear();
        LocalDate d = date(year, raw.month(), raw.day());
        if (d != null && d.isAfter(limit)) {
            d = date(year - 1, raw.month(), raw.day());
        }
        if (d == null) {
            // 02-29 in a non-leap context year; the previous year cannot be leap either when the next one is not.
            return Optional.empty();
        }
        return d.getYear() < MIN_YEAR || d.isAfter(limit) ? Optional.empty() : Optional.of(d);
    }

    /**
     * A year-less date listed under a year heading (2024年, a tab or caption with the year) takes that year, and is
     * rejected when that puts it in the future (the heading says which year; a later day is a typo). A written year
     * wins over the heading.
     */
    public Optional<LocalDate> resolveInYear(RawDate raw, int headingYear) {
        if (raw.hasYear()) {
            return resolve(raw, (Integer) null);
        }
        LocalDate d = date(headingYear, raw.month(), raw.day());
        return d == null || d.getYear() < MIN_YEAR || d.isAfter(limit) ? Optional.empty() : Optional.of(d);
    }

    /**
     * Turns a written date into a real one, a year-less date taking the latest such day that is neither after now
     * nor after the end of the year following {@code newestFullDate} (the newest fully written date around it, or
     * null). Sites commonly write the year only for items of earlier years ({@code 04-15} this year, {@code
     * 2024-12-30} before), so the year-less ones are the latest such days; an old page that stopped in 2003 still
     * reads as 2003, not as this year.
     */
    public Optional<LocalDate> resolve(RawDate raw, LocalDate newestFullDate) {
        if (raw.hasYear()) {
            return resolve(raw, (Integer) null);
        }
        LocalDate latest = limit;
        if (newestFullDate != null) {
            LocalDate endOfNextYear = LocalDate.of(newestFullDate.getYear() + 1, 12, 31);
            if (endOfNextYear.isBefore(latest)) {
                latest = endOfNextYear;
            }
        }
        for (int year = latest.getYear(); year >= latest.getYear() - 4; year--) {
            LocalDate d = date(year, raw.month(), raw.day());
            if (d != null && !d.isAfter(latest)) {
                return d.getYear() < MIN_YEAR ? Optional.empty() : Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Optional<RawDate> edgeMatch(String t, Matcher m, boolean full) {
        RawDate atStart = null;
        RawDate atEnd = null;
        while (m.find()) {
            int before = m.start() - 1;
            int after = m.end();
            boolean open = before >= 0 && OPEN.indexOf(t.charAt(before)) >= 0;
            boolean close = after < t.length() && CLOSE.indexOf(t.charAt(after)) >= 0;
            int start = open ? before : m.start();
            int end = close ? after + 1 : after;
            boolean bracketed = open && close;
            boolean numeric = full && m.group(2) != null;
            RawDate raw = full ? fullRaw(m) : shortRaw(m);
            if (end == t.length() && (start == 0 || bracketed || numeric || isBoundary(t.charAt(start - 1)))) {
                atEnd = raw;
            } else if (start == 0 && atStart == null && (bracketed || numeric || isBoundary(t.charAt(end)))) {
                atStart = raw;
            }
        }
        // List entries put their date last far more often than first.
        return Optional.ofNullable(atEnd != null ? atEnd : atStart);
    }

    private static boolean isBoundary(char c) {
        return !Character.isLetterOrDigit(c);
    }

    private static RawDate fullRaw(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new RawDate(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        }
        return new RawDate(year, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
    }

    private static RawDate shortRaw(Matcher m) {
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        return new RawDate(null, month, day);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean isCopyright(String text) {
        String l = text.toLowerCase(Locale.ROOT);
        return l.contains("©") || l.contains("(c)") || l.contains("copyright") || l.contains("版权");
    }

    /** Trims ASCII, no-break and ideographic whitespace. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF';
    }

    private static String stripBrackets(String s) {
        String t = s;
        while (t.length() >= 2 && OPEN.indexOf(t.charAt(0)) >= 0 && CLOSE.indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = trim(t.substring(1, t.length() - 1));
        }
        return t;
    }
}
