package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a list that a page renders in the browser from records written into an inline script (集约化 platforms:
 * {@code var listData = {"articleList":[{"title":"…","pubDate":"2025-07-29 16:59","url":"…"}, …]}}), without
 * running the script. Pure.
 *
 * <p>The script text is read as a sequence of {@code "key":"value"} pairs (quoted or bare keys, single or double
 * quoted values); a record starts at a title key and takes the date and URL keys that follow it until the next
 * title key. Only records with a title and a readable date count, and only when there are at least
 * {@link #MIN_RECORDS} of them: one titled, dated object is as likely the page's own metadata as a list.
 */
public final class ScriptListReader {

    /**
     * The keys of a script record, from the catalogue (none: the reader finds nothing).
     *
     * @param titleKeys keys of an item's title (title, docTitle …)
     * @param dateKeys  keys of its publication date (pubDate, publishDate …)
     * @param urlKeys   keys of its link (url, link …)
     */
    public record Keys(List<String> titleKeys, List<String> dateKeys, List<String> urlKeys) {
        public static final Keys NONE = new Keys(List.of(), List.of(), List.of());

        public Keys {
            titleKeys = List.copyOf(titleKeys);
            dateKeys = List.copyOf(dateKeys);
            urlKeys = List.copyOf(urlKeys);
        }

        boolean isEmpty() {
            return titleKeys.isEmpty() || dateKeys.isEmpty();
        }
    }

    /** Fewer dated records than this are no list. */
    static final int MIN_RECORDS = 2;

    /** At most this many records are read (a list page shows tens; the rest is a data dump). */
    static final int MAX_RECORDS = 500;

    /** Script text read per page, in characters: a hostile page's megabytes of script are not all scanned. */
    static final int MAX_SCRIPT_CHARS = 1 << 20;

    /** A title longer than this is no headline. */
    static final int MAX_TITLE_CHARS = 200;

    private static final Pattern PAIR = Pattern.compile(
            "[\"']?([A-Za-z_$][\\w$]{0,40})[\"']?\\s*:\\s*(?:\"((?:[^\"\\\\\\n]|\\\\.){0,2000})\"|'((?:[^'\\\\\\n]|\\\\.){0,2000})')");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private final Keys keys;
    private final Set<String> titleKeys;
    private final Set<String> dateKeys;
    private final Set<String> urlKeys;

    public ScriptListReader(Keys keys) {
        this.keys = keys;
        this.titleKeys = Set.copyOf(keys.titleKeys());
        this.dateKeys = Set.copyOf(keys.dateKeys());
        this.urlKeys = Set.copyOf(keys.urlKeys());
    }

    /** The page's script-rendered list, in script order; empty when it has none. */
    public List<ListEntry> read(Document page, DateExtractor dates) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<ListEntry> out = new ArrayList<>();
        int budget = MAX_SCRIPT_CHARS;
        for (Element script : page.select("script:not([src])")) {
            if (budget <= 0 || out.size() >= MAX_RECORDS) {
                break;
            }
            String text = script.data();
            if (text.length() > budget) {
                text = text.substring(0, budget);
            }
            budget -= text.length();
            readRecords(text, page.location(), dates, out);
        }
        return out.size() >= MIN_RECORDS ? List.copyOf(out) : List.of();
    }

    private void readRecords(String script, String base, DateExtractor dates, List<ListEntry> out) {
        Matcher m = PAIR.matcher(script);
        String title = null;
        String date = null;
        String url = null;
        while (m.find() && out.size() < MAX_RECORDS) {
            String key = m.group(1);
            String value = unescape(m.group(2) != null ? m.group(2) : m.group(3));
            if (titleKeys.contains(key)) {
                add(title, date, url, base, dates, out);
                title = value;
                date = null;
                url = null;
            } else if (title != null && date == null && dateKeys.contains(key)) {
                date = value;
            } else if (title != null && url == null && urlKeys.contains(key)) {
                url = value;
            }
        }
        add(title, date, url, base, dates, out);
    }

    private static void add(String title, String date, String url, String base, DateExtractor dates,
                            List<ListEntry> out) {
        if (title == null || date == null) {
            return;
        }
        String t = title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE_CHARS) {
            return;
        }
        LocalDate d = dates.dateOfText(date.strip(), null).orElse(null);
        if (d == null) {
            return;
        }
        String link = url == null || url.isBlank() || base == null || base.isEmpty() ? null
                : StringUtil.resolve(base, url.strip());
        out.add(new ListEntry(t, link == null || link.isEmpty() ? null : link, d));
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        String u = UNICODE_ESCAPE.matcher(s).replaceAll(r -> String.valueOf((char) Integer.parseInt(r.group(1), 16)));
        return u.replace("\\/", "/").replace("\\\"", "\"").replace("\\'", "'").replace("\\\\", "\\");
    }
}
