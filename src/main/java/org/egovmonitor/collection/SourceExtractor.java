package org.egovmonitor.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the source (来源) of a portal article: who supplied it. Pure.
 *
 * <p>Generic patterns, not site templates: a source label (来源, 信息来源, 稿件来源, 发布机构, 作者单位, 供稿单位 ...)
 * followed by a colon (half- or full-width) and the value, in running text or inside brackets (【来源：市财政局】),
 * or a table/definition cell holding only the label with the value in the next cell. The value ends at whitespace,
 * a closing bracket, separator punctuation or the next label (发布时间, 作者, 点击 ...).
 */
public final class SourceExtractor {

    static final String LABELS = "信息来源|稿件来源|文章来源|新闻来源|来源单位|供稿单位|作者单位|发布机构|发布单位|来源|供稿";
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?:" + LABELS + ")\\s*[:：]\\s*[【\\[（(《“\"]?\\s*([^\\s\\u3000\\u00A0]{1,60})");
    private static final Pattern LABEL_ONLY = Pattern.compile("^\\s*(?:" + LABELS + ")\\s*[:：]?\\s*$");
    /** Labels that may follow the source without a space; the value is cut there. */
    private static final Pattern NEXT_LABEL = Pattern.compile(
            "(发布时间|发布日期|更新时间|时间|日期|作者|编辑|责任编辑|点击|浏览|阅读|字号|打印)[:：]?.*$");
    private static final Pattern TRAILING = Pattern.compile("[】\\]）)》”\"|｜/,，。;；:：、.·\\-]+.*$");
    private static final int MAX_SOURCE = 40;

    private SourceExtractor() {
    }

    /** The article's source, or empty when it names none. */
    public static Optional<String> extract(Document document) {
        Optional<String> fromCells = fromLabelCells(document);
        if (fromCells.isPresent()) {
            return fromCells;
        }
        for (String line : lines(document)) {
            Optional<String> s = fromText(line);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** The source named in one line of text. */
    public static Optional<String> fromText(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(line);
        while (m.find()) {
            Optional<String> v = clean(m.group(1));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    static Optional<String> clean(String raw) {
        String v = NEXT_LABEL.matcher(raw).replaceFirst("");
        v = TRAILING.matcher(v).replaceFirst("");
        v = v.replaceAll("^[【\\[（(《“\"]+", "").strip();
        if (v.isEmpty() || v.length() > MAX_SOURCE || v.matches("^[\\d\\p{Punct}]+$")
                || v.equals("本站") || v.equals("本网") || v.equals("无")) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static Optional<String> fromLabelCells(Document document) {
        for (Element cell : document.select("td, th, dt, span, label, b, strong, em")) {
            if (!LABEL_ONLY.matcher(cell.text()).matches()) {
                continue;
            }
            Element next = cell.nextElementSibling();
            if (next != null) {
                Optional<String> v = clean(next.text().strip().split("[\\s\\u3000]+")[0]);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /** The document's text, one line per block (and per {@code <br>}), in document order. */
    static List<String> lines(Document document) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("td"))) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.nameIs("td"))) {
                    flush();
                }
            }

            private void flush() {
                String s = current.toString().strip();
                if (!s.isEmpty()) {
                    lines.add(s);
                }
                current.setLength(0);
            }
        }, document.body() == null ? document : document.body());
        String rest = current.toString().strip();
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
