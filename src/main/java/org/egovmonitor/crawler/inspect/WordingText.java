package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The published text of a page as the wording checks read it, and the searching they share. The text is every text
 * node of the body, one line per block (so a sentence never runs from one cell into the next), whitespace collapsed
 * as a browser shows it. Navigation and footer stay in: they are published text too, and an outdated body name in
 * the navigation is as wrong as one in an article. Script and style bodies are not text (jsoup keeps them as data).
 */
final class WordingText {

    /** Characters that end a sentence (the message quotes the sentence of a hit, cut to the context). */
    private static final String SENTENCE_ENDS = "。！？；!?;\n";

    private WordingText() {
    }

    /** The text of {@code doc}'s body, at most {@code maxChars} characters. */
    static String of(Document doc, int maxChars) {
        StringBuilder out = new StringBuilder();
        Element root = doc.body() == null ? doc : doc.body();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (out.length() >= maxChars) {
                    return;
                }
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("td"))) {
                    newline(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.nameIs("td")) && out.length() < maxChars) {
                    newline(out);
                }
            }
        }, root);
        String text = out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
        // Collapse runs of spaces (text nodes each keep their own edge spaces) and strip each line.
        StringBuilder clean = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String s = line.replaceAll("[ \\u00a0\\u3000\\t]+", " ").strip();
            if (!s.isEmpty()) {
                clean.append(s).append('\n');
            }
        }
        return clean.toString();
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * Where {@code word} occurs in {@code text}, not inside one of {@code unless} (longer correct strings holding it),
     * at most {@code max} places.
     */
    static List<Integer> find(String text, String word, List<String> unless, int max) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0 && at.size() < max; i = text.indexOf(word, i + word.length())) {
            if (!inside(text, i, word, unless)) {
                at.add(i);
            }
        }
        return at;
    }

    private static boolean inside(String text, int at, String word, List<String> unless) {
        if (unless == null) {
            return false;
        }
        for (String u : unless) {
            for (int k = u.indexOf(word); k >= 0; k = u.indexOf(word, k + 1)) {
                if (at - k >= 0 && text.startsWith(u, at - k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The sentence around {@code text[start, end)}, cut to {@code context} characters each side (… marks a cut). */
    static String sentence(String text, int start, int end, int context) {
        int from = start;
        while (from > 0 && start - from < context && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < context && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n' && SENTENCE_ENDS.indexOf(text.charAt(to)) >= 0) {
            to++;
        }
        boolean cutBefore = from > 0 && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0;
        boolean cutAfter = to < text.length() && SENTENCE_ENDS.indexOf(text.charAt(to - 1)) < 0
                && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0;
        return (cutBefore ? "…" : "") + text.substring(from, to).strip() + (cutAfter ? "…" : "");
    }
}
