package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Finds which elements of a service guide a page states <em>as labels</em>, not merely as words somewhere in its
 * text. A guide sets its elements out as a table (设定依据 | 《中华人民共和国…》), a definition list, headings
 * (一、设定依据), bold lead-ins ({@code <b>设定依据</b>《…》}) or "label：value" lines; a notice that says 申请人应按设定依据准备
 * 申请材料 mentions two labels' words but states neither.
 *
 * <p>How: the page's text is cut into lines at block boundaries (cells, paragraphs, list items, headings, br), with a
 * soft boundary where an inline element (b, strong, span, font, a) starts or ends. A line states an element when,
 * after any numbering (一、 (2) 3. ★) and an opening 【, it <em>starts</em> with one of the element's labels, the
 * label with its short tail (及依据, 目录) is at most {@code maxLabelChars} characters, contains no sentence punctuation,
 * and is closed by a colon, a 】, an element boundary or the end of the line. Whitespace is ignored throughout (old
 * pages space labels out: 地　　点).
 */
final class GuideLabels {

    /** Where an inline element starts or ends: a label closed by markup rather than a colon. */
    private static final char SOFT = '\u0001';
    private static final Pattern LEAD = Pattern.compile("^(?:\u0001|[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]"
            + "|第[一二三四五六七八九十]{1,3}[项条部分章节]+[、：:]?|[★☆●○■□◆◇▲△·•※>＞\\-—]|[【\\[〔])+");
    private static final Set<Character> CLOSERS = Set.of('：', ':', '】', ']', '〕', SOFT);
    private static final Set<Character> SENTENCE = Set.of('，', '。', '；', '！', '？', ',', ';', '!', '?', '、');
    /** Elements whose content is no text of the page. */
    private static final Set<String> NOT_TEXT = Set.of("script", "style", "noscript", "template", "select",
            "option", "textarea");

    private record Label(String text, String element) {
    }

    private final List<Label> labels;
    private final int maxLabelChars;
    private final int maxTextChars;

    GuideLabels(List<ServiceGuideRules.Element> elements, int maxLabelChars, int maxTextChars) {
        List<Label> all = new ArrayList<>();
        for (ServiceGuideRules.Element e : elements) {
            e.labels().forEach(l -> all.add(new Label(l, e.id())));
        }
        // longest first, so that a label that begins with another element's label is read as its own
        all.sort(Comparator.comparingInt((Label l) -> l.text().length()).reversed());
        this.labels = List.copyOf(all);
        this.maxLabelChars = maxLabelChars;
        this.maxTextChars = maxTextChars;
    }

    /**
     * The ids of the elements {@code page} states as labels, leaving out the lines of {@code boilerplate}: the
     * site's header and footer (联系电话：… under every page) say nothing about one guide.
     */
    Set<String> found(Document page, Set<String> boilerplate) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : lines(page)) {
            String element = boilerplate.contains(line) ? null : elementOf(line);
            if (element != null) {
                found.add(element);
            }
        }
        return found;
    }

    /** The lines of {@code page}'s body (see {@link #lines(Element, int)}), within {@code maxTextChars}. */
    List<String> lines(Document page) {
        return page == null ? List.of() : lines(page.body() != null ? page.body() : page, maxTextChars);
    }

    /** The element a line states as its label, or null when it is not a label line. */
    String elementOf(String line) {
        Matcher lead = LEAD.matcher(line);
        String rest = lead.lookingAt() ? line.substring(lead.end()) : line;
        for (Label l : labels) {
            if (!rest.startsWith(l.text())) {
                continue;
            }
            int end = l.text().length();
            while (end < rest.length() && !CLOSERS.contains(rest.charAt(end))) {
                if (SENTENCE.contains(rest.charAt(end)) || end >= maxLabelChars) {
                    return null;
                }
                end++;
            }
            return end <= maxLabelChars ? l.element() : null;
        }
        return null;
    }

    /**
     * The page's text as lines, whitespace removed, inline element boundaries marked; at most {@code maxChars}
     * characters in all.
     */
    static List<String> lines(Element root, int maxChars) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int[] total = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (total[0] >= maxChars) {
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode t) {
                    String s = squeeze(t.getWholeText());
                    int room = maxChars - total[0];
                    s = s.length() > room ? s.substring(0, room) : s;
                    line.append(s);
                    total[0] += s.length();
                } else if (node instanceof Element e) {
                    if (NOT_TEXT.contains(e.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    boundary(e, line, lines);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && !e.normalName().equals("br")) {
                    boundary(e, line, lines);
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(line, lines);
        return lines;
    }

    private static void boundary(Element e, StringBuilder line, List<String> lines) {
        if (e.normalName().equals("br") || e.isBlock()) {
            flush(line, lines);
        } else if (line.length() > 0 && line.charAt(line.length() - 1) != SOFT) {
            line.append(SOFT);
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == SOFT) {
            end--;
        }
        if (end > 0) {
            lines.add(line.substring(0, end));
        }
        line.setLength(0);
    }

    /** {@code s} without any whitespace (ASCII, no-break and ideographic spaces alike). */
    static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u00a0' && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
