package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * An element's child elements without Jsoup's cache of them. {@link Element#children()} and
 * {@link Element#childrenSize()} stash the child list in the element's user data (an attribute map, a HashMap, a
 * WeakReference: about 300 bytes per element, kept as long as the Document lives). The list analysers ask every
 * element of a page, so on a page of 100,000 links that cache was the largest single part of the heap;
 * walking the siblings costs the same time and leaves nothing behind.
 */
final class ChildElements {

    private ChildElements() {
    }

    /** The child elements of {@code parent}, in order, in a new list. */
    static List<Element> of(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
            out.add(c);
        }
        return out;
    }

    /** Whether {@code parent} has no child element. */
    static boolean none(Element parent) {
        return parent.firstElementChild() == null;
    }

    /** How many child elements {@code parent} has, counting no further than {@code limit + 1}. */
    static int countUpTo(Element parent, int limit) {
        int n = 0;
        for (Element c = parent.firstElementChild(); c != null && n <= limit; c = c.nextElementSibling()) {
            n++;
        }
        return n;
    }
}
