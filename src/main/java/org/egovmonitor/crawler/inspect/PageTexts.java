package org.egovmonitor.crawler.inspect;

import org.jsoup.nodes.Document;

/** Bounded views of a crawled page's text for the checks: hostile pages may be megabytes of text. */
final class PageTexts {

    /** Characters of a page's text a check reads at most. Footers are at the end, so the tail is kept. */
    static final int MAX_TEXT_CHARS = 200_000;

    private PageTexts() {
    }

    /** The page's visible text, at most {@link #MAX_TEXT_CHARS}: its last ones when longer (the footer is there). */
    static String tail(Document doc) {
        if (doc == null) {
            return "";
        }
        String text = doc.text();
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(text.length() - MAX_TEXT_CHARS);
    }

    /** The page's title and first {@code chars} characters of its text. */
    static String head(Document doc, int chars) {
        if (doc == null) {
            return "";
        }
        String text = doc.body() == null ? "" : doc.body().text();
        return doc.title() + " " + (text.length() <= chars ? text : text.substring(0, chars));
    }

    /** {@code s} cut to {@code max} characters with an ellipsis, for messages. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
