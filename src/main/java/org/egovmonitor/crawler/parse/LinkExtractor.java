package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Lists the links of a page in document order, as a visitor sees them. Pure.
 *
 * <p>One iterative pass over the tree (Jsoup's {@link NodeTraversor}): no recursion of our own, so 5,000-deep
 * markup cannot overflow the stack, and work is linear in the page (each link's text is read once). During the
 * pass the extractor keeps "the last heading-like text": a short non-link text or a non-link image's {@code alt}
 * that is neither a date nor a "more" label. Each link carries it as {@link PageLink#context()}, which is how a
 * block's {@code 更多>>} link can be classified by the block's plain-text heading.
 *
 * <p>Skipped: {@code javascript:}, {@code mailto:}, {@code tel:}, pure fragments, non-http(s) URLs, and relative
 * URLs when the document has no base URI.
 */
public final class LinkExtractor {

    /** Parsed once: select(String) parses its query on every call (see EntryGroups). */
    private static final Evaluator IMG = QueryParser.parse("img");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    /** Heading candidates are short: a block title, not a sentence. Counted in characters after trimming. */
    static final int MAX_HEADING_CHARS = 16;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    /** Labels of "more" links and arrows: never a heading. */
    private static final Pattern MORE_LABEL = Pattern.compile(
            "(?i)^[\\s\\p{Punct}·•»«>【】\\[\\]()（）]*(更多|more|更多信息|更多内容|查看更多|详细|详情)?[\\s\\p{Punct}·•»«>【】\\[\\]()（）]*$");

    public List<PageLink> extract(Document document) {
        List<PageLink> links = new ArrayList<>();
        NodeTraversor.traverse(new Visitor(links, new ScriptMarkup(), null), document);
        return links;
    }

    private static final class Visitor implements NodeVisitor {
        private final List<PageLink> links;
        private final ScriptMarkup scripts;
        /** Non-null while reading the markup a script writes: the placement its links get. */
        private final PageLink.Placement written;
        private int hiddenDepth;
        private boolean hiddenIsDropdown;
        private int linkDepth;
        private int skipDepth;
        private String heading;

        Visitor(List<PageLink> links, ScriptMarkup scripts, String heading) {
            this.links = links;
            this.scripts = scripts;
            this.written = null;
            this.heading = heading;
        }

        private Visitor(List<PageLink> links, String heading) {
            this.links = links;
            this.scripts = null;
            this.written = PageLink.Placement.SCRIPT;
            this.heading = heading;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                // Every inline script is read, those in <head> too: they define the markup a later one writes.
                if (scripts != null && e.normalName().equals("script") && !e.hasAttr("src")) {
                    readWritten(e);
                }
                if (PageRegions.isNonContent(e)) {
                    skipDepth++;
                }
                if (PageRegions.isHidden(e)) {
                    if (hiddenDepth == 0) {
                        hiddenIsDropdown = isDropdown(e);
                    }
                    hiddenDepth++;
                }
                if (e.normalName().equals("a")) {
                    if (linkDepth == 0 && skipDepth == 0) {
                        link(e).ifPresent(links::add);
                    }
                    linkDepth++;
                } else if (e.normalName().equals("area") && linkDepth == 0 && skipDepth == 0) {
                    // Image maps: a 2000s homepage banner of columns is often one picture with <area> hot spots.
                    link(e).ifPresent(links::add);
                } else if (e.normalName().equals("img") && linkDepth == 0 && skipDepth == 0 && hiddenDepth == 0) {
                    offerHeading(e.attr("alt"));
                } else if (e.hasAttr("onclick") && linkDepth == 0 && skipDepth == 0) {
                    onclickLink(e).ifPresent(links::add);
                }
            } else if (node instanceof TextNode t && linkDepth == 0 && skipDepth == 0 && hiddenDepth == 0) {
                offerHeading(t.text());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (PageRegions.isNonContent(e)) {
                    skipDepth--;
                }
                if (PageRegions.isHidden(e)) {
                    hiddenDepth--;
                }
                if (e.normalName().equals("a")) {
                    linkDepth--;
                }
            }
        }

        private void offerHeading(String raw) {
            String text = collapse(raw);
            if (text.length() < 2 || text.length() > MAX_HEADING_CHARS) {
                return;
            }
            if (MORE_LABEL.matcher(text).matches() || DateExtractor.isDateText(text)
                    || DateExtractor.isCopyright(text) || letterCount(text) < 2) {
                return;
            }
            heading = text;
        }

        private Optional<PageLink> link(Element a) {
            if (!a.hasAttr("href")) {
                return Optional.empty();
            }
            String href = DateExtractor.trim(a.attr("href"));
            String lower = href.toLowerCase(Locale.ROOT);
            if (href.isEmpty() || href.startsWith("#") || lower.startsWith("javascript:") || lower.startsWith("mailto:")
                    || lower.startsWith("tel:") || lower.startsWith("data:")) {
                return Optional.empty();
            }
            return UrlNormalizer.normalize(a.absUrl("href")).map(url -> labelled(a, url));
        }

        /**
         * A short menu entry that opens a page when clicked instead of linking to it: the first quoted page address in
         * its {@code onclick}. An element holding links, or long text (a clickable news row), is no menu entry; a
         * click script without an address (a tab switch) is no link.
         */
        private Optional<PageLink> onclickLink(Element e) {
            String text = collapse(e.text());
            if (text.isEmpty() || text.length() > MAX_ONCLICK_TEXT || e.selectFirst(LINKS) != null) {
                return Optional.empty();
            }
            Matcher m = ONCLICK_ADDRESS.matcher(e.attr("onclick"));
            while (m.find()) {
                String address = m.group(2);
                if (address.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    continue;
                }
                Optional<String> url = UrlNormalizer.normalize(org.jsoup.internal.StringUtil.resolve(e.baseUri(),
                        address));
                if (url.isPresent()) {
                    boolean dropdown = hiddenDepth > 0 && hiddenIsDropdown;
                    return Optional.of(new PageLink(text, url.get(), hiddenDepth > 0 && !dropdown, heading,
                            PageLink.TextSource.TEXT, PageLink.Placement.ONCLICK));
                }
            }
            return Optional.empty();
        }

        /** Links in the markup an inline script writes, in the script's place, as {@link PageLink.Placement#SCRIPT}. */
        private void readWritten(Element script) {
            String html = scripts.written(script.data());
            if (html.contains("<a") || html.contains("<A") || html.contains("<area") || html.contains("<AREA")) {
                Document fragment = Jsoup.parseBodyFragment(html, script.baseUri());
                NodeTraversor.traverse(new Visitor(links, heading), fragment.body());
            }
        }

        private PageLink labelled(Element a, String url) {
            boolean dropdown = hiddenDepth > 0 && hiddenIsDropdown;
            boolean hidden = hiddenDepth > 0 && !dropdown;
            PageLink.Placement placement = written != null ? written
                    : dropdown ? PageLink.Placement.DROPDOWN : PageLink.Placement.PAGE;
            if (a.normalName().equals("area")) {
                String alt = collapse(a.attr("alt"));
                return new PageLink(alt.isEmpty() ? collapse(a.attr("title")) : alt, url, hidden, heading,
                        PageLink.TextSource.IMAGE_MAP, placement);
            }
            String text = collapse(a.text());
            if (!text.isEmpty()) {
                return new PageLink(text, url, hidden, heading, PageLink.TextSource.TEXT, placement);
            }
            String title = collapse(a.attr("title"));
            if (!title.isEmpty()) {
                return new PageLink(title, url, hidden, heading, PageLink.TextSource.TITLE, placement);
            }
            return new PageLink(imageText(a), url, hidden, heading, PageLink.TextSource.IMAGE_ALT, placement);
        }
    }

    /** Longest text of a clickable menu entry read as a link; longer clickable texts are rows, not menu entries. */
    private static final int MAX_ONCLICK_TEXT = 12;

    /**
     * A quoted page address in a click script: absolute, site-absolute or relative with a page extension or a
     * trailing slash ('http://…', '/xwzx/index.html', '../zwgk/'); numbers and words (a tab index, a name) are not.
     */
    private static final Pattern ONCLICK_ADDRESS = Pattern.compile(
            "(['\"])((?:https?://|/|\\.{1,2}/)[^'\"\\s<>]*|[^'\"\\s<>:]+\\.(?:s?html?|jsp|aspx?|php)(?:\\?[^'\"\\s<>]*)?)\\1",
            Pattern.CASE_INSENSITIVE);

    /** Elements before a submenu that may hold the menu link revealing it (the link itself, or its span/div). */
    private static final int MENU_LINK_SIBLINGS = 2;

    /**
     * A hidden block is a dropdown submenu when it holds at least two links and one of the elements just before it
     * holds a link, or is a bar of menu headings without links ({@code <li><span>政务公开</span></li>} …, opened by
     * hovering): the menu a script opens it from. A lone hidden link, or a hidden block after plain text, is kept
     * from visitors. Only the two preceding siblings are looked at, so a page of many hidden blocks costs linear time.
     * Public for the hidden-link check ({@code crawler.inspect}), which must not count a site's own submenus.
     */
    public static boolean isDropdown(Element hidden) {
        if (hidden.select(LINKS).size() < 2) {
            return false;
        }
        // A panel is often wrapped (<div class=box><div style="display:none">…): a lone wrapper stands for it.
        Element panel = hidden;
        for (int level = 0; level <= MENU_WRAPPERS && panel != null; level++) {
            Element sibling = panel.previousElementSibling();
            for (int i = 0; i < MENU_LINK_SIBLINGS && sibling != null; i++, sibling = sibling.previousElementSibling()) {
                if (!PageRegions.isHidden(sibling) && (sibling.normalName().equals("a") && sibling.hasAttr("href")
                        || sibling.selectFirst(LINKS) != null || isHeadingBar(sibling))) {
                    return true;
                }
            }
            panel = onlyVisibleChild(panel) ? panel.parent() : null;
        }
        return false;
    }

    /** Wrappers around a submenu panel looked through to find the menu before it. */
    private static final int MENU_WRAPPERS = 2;

    /** Sibling panels looked at; a longer run of siblings is no submenu (and would cost quadratic time). */
    private static final int MAX_PANEL_SIBLINGS = 16;

    /**
     * Whether a panel stands alone in its parent, or only beside other hidden panels (one submenu per menu heading,
     * each shown on hover): then the parent is the submenu and the menu is before the parent.
     */
    private static boolean onlyVisibleChild(Element panel) {
        Element parent = panel.parent();
        if (parent == null || ChildElements.countUpTo(parent, MAX_PANEL_SIBLINGS + 1) > MAX_PANEL_SIBLINGS + 1) {
            return false;
        }
        for (Element sibling : ChildElements.of(parent)) {
            if (sibling != panel && !PageRegions.isHidden(sibling)) {
                return false;
            }
        }
        return true;
    }

    /** Longest menu heading of a heading bar: menu words are short (政务公开, 互动交流), sentences are not. */
    private static final int MAX_MENU_HEADING_CHARS = 8;

    /** Most headings of a heading bar, and most nodes read to find them: menus are short, and hostile pages are not. */
    private static final int MAX_MENU_HEADINGS = 16;
    private static final int MAX_HEADING_BAR_NODES = 400;

    /**
     * Two to {@value #MAX_MENU_HEADINGS} list entries, each a short non-empty text and none a link: the headings of a
     * hover menu. Reads at most {@value #MAX_HEADING_BAR_NODES} nodes, so a huge block before a hidden one costs little.
     */
    private static boolean isHeadingBar(Element e) {
        int[] entries = {0};
        int[] nodes = {0};
        boolean[] bar = {true};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > MAX_HEADING_BAR_NODES) {
                    bar[0] = false;
                    return FilterResult.STOP;
                }
                if (node instanceof Element x && x.normalName().equals("li")) {
                    String text = collapse(x.text());
                    if (text.isEmpty() || text.length() > MAX_MENU_HEADING_CHARS || x.selectFirst(LINKS) != null
                            || ++entries[0] > MAX_MENU_HEADINGS) {
                        bar[0] = false;
                        return FilterResult.STOP;
                    }
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return bar[0] && entries[0] >= 2;
    }

    /** Visible text, else the link's title, else the first image's alt or title. */
    static String linkText(Element a) {
        String text = collapse(a.text());
        if (!text.isEmpty()) {
            return text;
        }
        String title = collapse(a.attr("title"));
        return title.isEmpty() ? imageText(a) : title;
    }

    /** The first image's alt, else its title; empty when the link holds no image. */
    private static String imageText(Element a) {
        Element img = a.selectFirst(IMG);
        if (img == null) {
            return "";
        }
        String alt = collapse(img.attr("alt"));
        return alt.isEmpty() ? collapse(img.attr("title")) : alt;
    }

    static String collapse(String s) {
        return s == null ? "" : DateExtractor.trim(WHITESPACE.matcher(s).replaceAll(" "));
    }

    /** Letters (Chinese characters included) in {@code s}. */
    static int letterCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
