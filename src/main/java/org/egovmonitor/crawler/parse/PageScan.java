package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One iterative pass over a document's body: the elements in document order, which of them are excluded (hidden,
 * non-content, and — when asked — inside header/nav/footer-like blocks), and the remaining main text. Shared by the
 * list and homepage analysers so that neither recurses.
 */
final class PageScan {

    final List<Element> elements = new ArrayList<>();
    final Set<Element> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
    final String mainText;

    /**
     * The main text's texts that are essentially a date with its year (a date cell, 发布日期：2003-04-15), in order:
     * the page's own dates, unlike a date inside a headline (关于2003年4月15日会议的通知).
     */
    final List<String> dateTexts = new ArrayList<>();

    private PageScan(Document document, boolean excludeBoilerplate) {
        StringBuilder text = new StringBuilder();
        Element root = document.body() != null ? document.body() : document;
        NodeTraversor.traverse(new NodeVisitor() {
            private int excludedDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (excludes(e)) {
                        excludedDepth++;
                    }
                    elements.add(e);
                    if (excludedDepth > 0) {
                        excluded.add(e);
                    }
                } else if (node instanceof TextNode t && excludedDepth == 0) {
                    String s = t.text();
                    if (!s.isBlank()) {
                        text.append(s).append(' ');
                        if (s.length() <= 60 && DateExtractor.rawDateOfText(s).filter(DateExtractor.RawDate::hasYear)
                                .isPresent()) {
                            dateTexts.add(s);
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && excludes(e)) {
                    excludedDepth--;
                }
            }

            private boolean excludes(Element e) {
                return PageRegions.isNonContent(e) || PageRegions.isHidden(e)
                        || (excludeBoilerplate && PageRegions.isBoilerplate(e));
            }
        }, root);
        this.mainText = LinkExtractor.collapse(text.toString());
    }

    static PageScan of(Document document, boolean excludeBoilerplate) {
        return new PageScan(document, excludeBoilerplate);
    }

    /** Share of elements that were excluded; a page whose wrapper is named like a header gets nearly all. */
    double excludedShare() {
        return elements.isEmpty() ? 0 : (double) excluded.size() / elements.size();
    }
}
