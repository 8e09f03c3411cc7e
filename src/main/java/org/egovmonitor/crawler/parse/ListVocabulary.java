package org.egovmonitor.crawler.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and patterns lists are read by: the {@code dates:} and {@code columnIndex:} blocks of
 * {@code crawlers/sections.yml}, where each key is documented, plus the names of the message families (信箱, 留言)
 * whose lists never date a homepage. Plain data; {@link EntryGroups}, {@link ListPageAnalyzer} and
 * {@link HomepageAnalyzer} apply it.
 *
 * @param futureToleranceDays days after the capture day a date may still fall (a site a time zone ahead of us)
 * @param labels              labels in front of an item's date in its row (发布时间, 日期 …)
 * @param todayWords          words that mark a date as the page's "today" banner or clock (今天是, 当前日期, 星期 …)
 * @param urlPatterns         patterns of article URLs with the publication day in them; named groups {@code y},
 *                            {@code m}, {@code d}
 * @param messageListWords    words of a homepage block's heading that make it a list of letters or forum posts
 *                            (县长信箱, 咨询投诉, 留言 …)
 * @param messageUrlHints     directory or file names of such lists' URLs (szxx, liuyan …), lower-case
 * @param maxColumnTitleChars longest link text of a sub-column on an index page (0: no page is an index)
 * @param columnUrlNames      file or directory names of column list pages (index, list, more …), lower-case
 * @param scriptRecords       keys of the records a script-rendered list is written in (title, pubDate, url …)
 */
public record ListVocabulary(int futureToleranceDays, List<String> labels, List<String> todayWords,
                             List<Pattern> urlPatterns, List<String> messageListWords, List<String> messageUrlHints,
                             int maxColumnTitleChars, List<String> columnUrlNames,
                             ScriptListReader.Keys scriptRecords) {

    /** Nothing: no labels, no URL dates, no message lists, no index pages; dates after the capture day rejected. */
    public static final ListVocabulary NONE = new ListVocabulary(0, List.of(), List.of(), List.of(), List.of(),
            List.of(), 0, List.of(), ScriptListReader.Keys.NONE);

    private static final Pattern URL_TOKEN = Pattern.compile("[/._?=&#\\-]+");

    public ListVocabulary {
        labels = List.copyOf(labels);
        todayWords = List.copyOf(todayWords);
        urlPatterns = List.copyOf(urlPatterns);
        messageListWords = List.copyOf(messageListWords);
        messageUrlHints = messageUrlHints.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        columnUrlNames = columnUrlNames.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        scriptRecords = scriptRecords == null ? ScriptListReader.Keys.NONE : scriptRecords;
    }

    /**
     * True when the URL looks like a column's list page rather than an article: its path ends with {@code /}, or its
     * last directory or file name (extension and a trailing number removed) is a column name (index, list, more …).
     */
    public boolean isColumnUrl(String url) {
        String path = url == null ? null : UrlNormalizer.path(url);
        if (path == null || dateInUrl(url).isPresent()) {
            return false;
        }
        if (path.endsWith("/")) {
            return true;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        String stem = (dot >= 0 ? name.substring(0, dot) : name).replaceAll("[_\\-]?\\d+$", "");
        return columnUrlNames.contains(stem);
    }

    /** The day written in an article URL, unvalidated against "now" (see {@link DateExtractor#resolve}). */
    public Optional<DateExtractor.RawDate> dateInUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        for (Pattern p : urlPatterns) {
            Matcher m = p.matcher(url);
            if (m.find()) {
                int year = Integer.parseInt(m.group("y"));
                int month = Integer.parseInt(m.group("m"));
                int day = Integer.parseInt(m.group("d"));
                try {
                    LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    continue;
                }
                return Optional.of(new DateExtractor.RawDate(year, month, day));
            }
        }
        return Optional.empty();
    }

    /** True when the text holds one of the today words (the date in it is the page view's, not an item's). */
    public boolean isTodayText(String text) {
        for (String w : todayWords) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text (a block's heading) names a list of letters or forum posts. */
    public boolean namesMessageList(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        for (String w : messageListWords) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** True when a directory or file name of the URL's path is a message list's ({@code /szxx/}, {@code liuyan.asp}). */
    public boolean isMessageUrl(String url) {
        String path = url == null ? null : UrlNormalizer.path(url);
        if (path == null || messageUrlHints.isEmpty()) {
            return false;
        }
        for (String token : URL_TOKEN.split(path.toLowerCase(Locale.ROOT))) {
            if (messageUrlHints.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
