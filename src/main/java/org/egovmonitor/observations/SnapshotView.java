package org.egovmonitor.observations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.parse.DecodedPage;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A stored page as the snapshot viewer shows it ({@code GET /api/snapshots/{sha256}}): never its HTML, only its text
 * (decoded with the crawler's own charset sniffing, scripts and styles dropped, one line per block), bounded in
 * length, with the places where {@code mark} (a finding's excerpt, or its date) occurs, so the page highlights them
 * with text nodes.
 *
 * @param sha256      the snapshot's name
 * @param url         the address it was first fetched from
 * @param firstSeen   when a crawl first received these bytes
 * @param lastSeen    when a crawl last received them
 * @param contentType the Content-Type it was served with
 * @param charset     the charset the text was decoded with
 * @param size        the page's size in bytes
 * @param text        the page's text, at most {@link #MAX_TEXT} characters
 * @param truncated   true when the text was cut at {@link #MAX_TEXT}
 * @param mark        the text looked for (as asked, clipped), null when none was asked
 * @param marks       where it occurs in {@code text} (start inclusive, end exclusive; UTF-16 indices as in
 *                    JavaScript), at most {@link #MAX_MARKS}, in order
 * @param source      when {@code mark} is not in the text: the lines of the page's source where it is (a script's
 *                    address, a link written by a script, an attribute), at most {@link #MAX_SOURCE_LINES}; else empty
 */
public record SnapshotView(String sha256, String url, Instant firstSeen, Instant lastSeen, String contentType,
                           String charset, long size, String text, boolean truncated, String mark,
                           List<Mark> marks, List<SourceLine> source) {

    /** Characters of text returned at most: a long page is shown up to here. */
    public static final int MAX_TEXT = 200_000;
    /** Occurrences located at most. */
    public static final int MAX_MARKS = 50;
    /** Characters of a mark looked for at most (an excerpt is a sentence). */
    public static final int MAX_MARK = 300;

    /** Source lines shown at most when the mark is only in the page's markup. */
    public static final int MAX_SOURCE_LINES = 10;
    /** Characters of source shown on either side of a mark: a minified page is one very long line. */
    static final int SOURCE_CONTEXT = 160;

    public record Mark(int start, int end) {
    }

    /**
     * A piece of one line of the page's source, shown as text: {@code line} is its number (from 1) in the decoded
     * page, {@code text} the piece (cut around the marks, "…" where cut), {@code marks} the places in {@code text}.
     */
    public record SourceLine(int line, String text, List<Mark> marks) {
    }

    private static final PageDecoder DECODER = new PageDecoder();
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5",
            "h6", "title", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "nav",
            "form", "pre", "blockquote", "hr", "td", "th");

    /** The view of {@code s}, with the occurrences of {@code mark} (null or blank: none). */
    public static SnapshotView of(EvidenceStore.Snapshot s, String mark) {
        DecodedPage page = DECODER.decode(s.body(), s.contentType());
        String text = textOf(page.html(), s.firstUrl());
        boolean truncated = text.length() > MAX_TEXT;
        if (truncated) {
            text = text.substring(0, MAX_TEXT);
        }
        String wanted = mark == null || mark.isBlank() ? null : mark.strip();
        if (wanted != null && wanted.length() > MAX_MARK) {
            wanted = wanted.substring(0, MAX_MARK);
        }
        List<Mark> marks = wanted == null ? List.of() : locate(text, wanted);
        List<SourceLine> source = wanted == null || !marks.isEmpty() ? List.of() : inSource(page.html(), wanted);
        return new SnapshotView(s.sha256(), s.firstUrl(), s.firstSeen(), s.lastSeen(), s.contentType(),
                page.charset(), s.size(), text, truncated, wanted, marks, source);
    }

    /**
     * Where {@code mark} stands in the page's source, when the visible text lacks it: a finding about a script's
     * address, or a hidden link a script writes, rests on markup. The source as it is and with {@code &} written
     * {@code &amp;} (as an address stands in an attribute); a piece of each line with marks, as text.
     */
    static List<SourceLine> inSource(String page, String mark) {
        String html = page.replace("\r\n", "\n").replace('\r', '\n'); // old sites end lines with CR alone
        List<Mark> all = new ArrayList<>(locate(html, mark));
        if (mark.contains("&")) {
            locate(html, mark.replace("&", "&amp;")).stream()
                    .filter(f -> all.stream().noneMatch(o -> o.start() < f.end() && f.start() < o.end()))
                    .forEach(all::add);
            all.sort(java.util.Comparator.comparingInt(Mark::start));
        }
        List<SourceLine> out = new ArrayList<>();
        int i = 0;
        int line = 1; // the line number at offset counted: counted on from piece to piece (marks are in order)
        int counted = 0;
        while (i < all.size() && out.size() < MAX_SOURCE_LINES) {
            Mark first = all.get(i);
            int lineStart = html.lastIndexOf('\n', first.start() - 1) + 1;
            int lineEnd = html.indexOf('\n', first.end());
            lineEnd = lineEnd < 0 ? html.length() : lineEnd;
            int from = Math.max(lineStart, first.start() - SOURCE_CONTEXT);
            int to = Math.min(lineEnd, first.end() + SOURCE_CONTEXT);
            List<Mark> here = new ArrayList<>(); // the first mark, and the next ones this piece holds whole
            do {
                here.add(all.get(i++));
            } while (i < all.size() && all.get(i).end() <= to);
            String prefix = from > lineStart ? "…" : "";
            String piece = prefix + html.substring(from, to) + (to < lineEnd ? "…" : "");
            int shift = prefix.length() - from;
            for (; counted < first.start(); counted++) {
                if (html.charAt(counted) == '\n') {
                    line++;
                }
            }
            out.add(new SourceLine(line, piece, here.stream()
                    .map(m -> new Mark(m.start() + shift, m.end() + shift)).toList()));
        }
        return out;
    }

    /**
     * The page's visible text: scripts, styles and the like left out (their content is data, not text, to Jsoup),
     * a line break after each block, runs of blanks and blank lines squeezed.
     */
    static String textOf(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        doc.select("script, style, noscript, template, iframe, object, embed, svg").remove();
        StringBuilder b = new StringBuilder();
        String title = doc.title();
        if (!title.isBlank()) {
            b.append(title.strip()).append('\n');
        }
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    b.append(t.getWholeText());
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    b.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    b.append(e.normalName().equals("td") || e.normalName().equals("th") ? " " : "\n");
                }
            }
        }, doc.body());
        return b.toString().replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /**
     * Where {@code mark} occurs in {@code text}: as written, allowing for the blanks the page puts between its
     * characters (a line break inside a sentence); a date (YYYY-MM-DD) also as sites write dates (2024年5月1日,
     * 2024/05/01, 2024.5.1).
     */
    static List<Mark> locate(String text, String mark) {
        List<Mark> out = new ArrayList<>();
        for (String form : forms(mark)) {
            StringBuilder regex = new StringBuilder();
            form.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> {
                if (!regex.isEmpty()) {
                    regex.append("\\s*");
                }
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            });
            if (regex.isEmpty()) {
                continue;
            }
            Matcher m = Pattern.compile(regex.toString()).matcher(text);
            while (m.find() && out.size() < MAX_MARKS) {
                Mark found = new Mark(m.start(), m.end());
                if (out.stream().noneMatch(o -> o.start() < found.end() && found.start() < o.end())) {
                    out.add(found);
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mark::start));
        return out;
    }

    private static Set<String> forms(String mark) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(mark);
        if (mark.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate d = LocalDate.parse(mark);
                int y = d.getYear();
                String mm = String.format("%02d", d.getMonthValue());
                String dd = String.format("%02d", d.getDayOfMonth());
                int m = d.getMonthValue();
                int day = d.getDayOfMonth();
                for (String sep : List.of("/", ".")) {
                    forms.add(y + sep + mm + sep + dd);
                    forms.add(y + sep + m + sep + day);
                }
                forms.add(y + "-" + m + "-" + day);
                forms.add(y + "年" + mm + "月" + dd + "日");
                forms.add(y + "年" + m + "月" + day + "日");
            } catch (DateTimeParseException e) {
                // not a date after all: looked for as written
            }
        }
        return forms;
    }
}
