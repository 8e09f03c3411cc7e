package org.egovmonitor.crawler.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Recognises page regions that do not hold content: hidden elements and header/nav/footer/sidebar blocks. */
final class PageRegions {

    private PageRegions() {
    }

    private static final Set<String> BOILERPLATE_TAGS = Set.of("header", "nav", "footer", "aside");

    /** Substrings of an id/class that mark boilerplate wherever they appear (navbar, topnav, footer_wrap ...). */
    private static final Pattern BOILERPLATE_SUBSTRING = Pattern.compile(
            "nav|menu|header|footer|copyright|friend|sidebar|breadcrumb|crumb|yqlj|banner|daohang|weizhi|location");

    /** Whole tokens of an id/class (split on - _ and spaces) that mark boilerplate: too short to match inside. */
    private static final Set<String> BOILERPLATE_TOKENS = Set.of(
            "top", "bottom", "foot", "head", "link", "links", "side", "dh", "bq", "copy", "position", "sitemap");

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s_\\-]+");

    private static final Set<String> NON_CONTENT_TAGS = Set.of(
            "script", "style", "noscript", "template", "select", "option", "head", "title", "iframe", "object");

    /** Hidden by inline style, the {@code hidden} attribute or {@code aria-hidden="true"}. */
    static boolean isHidden(Element e) {
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden").trim())) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** A copyright block is small: a footer cell, not a page wrapper that happens to end with a copyright line. */
    static final int MAX_COPYRIGHT_BLOCK_CHARS = 300;

    /**
     * Header, navigation, footer, sidebar, friend-link and copyright blocks, judged by tag, id and class — and, for
     * the unnamed footers of table layouts, by a small element whose own text is a copyright line (版权所有 ©).
     */
    static boolean isBoilerplate(Element e) {
        if (BOILERPLATE_TAGS.contains(e.normalName())) {
            return true;
        }
        return namesBoilerplate(e.id()) || namesBoilerplate(e.className()) || isCopyrightBlock(e);
    }

    private static boolean isCopyrightBlock(Element e) {
        boolean copyright = false;
        for (org.jsoup.nodes.TextNode t : e.textNodes()) {
            if (DateExtractor.isCopyright(t.text())) {
                copyright = true;
                break;
            }
        }
        return copyright && e.text().length() <= MAX_COPYRIGHT_BLOCK_CHARS;
    }

    /** Elements whose text is never page content. */
    static boolean isNonContent(Element e) {
        return NON_CONTENT_TAGS.contains(e.normalName());
    }

    private static boolean namesBoilerplate(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (BOILERPLATE_SUBSTRING.matcher(n).find()) {
            return true;
        }
        for (String token : TOKEN_SPLIT.split(n)) {
            if (BOILERPLATE_TOKENS.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
