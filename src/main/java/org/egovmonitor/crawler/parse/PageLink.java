package org.egovmonitor.crawler.parse;

/**
 * A link as a visitor sees it.
 *
 * @param text    the visible text, whitespace-collapsed; for an image link the link's {@code title} or the image's
 *                {@code alt}/{@code title}; for an image-map {@code <area>} its {@code alt} or {@code title}; may be
 *                empty
 * @param url     absolute, normalised http(s) URL without fragment
 * @param hidden  the link or an ancestor is hidden inline ({@code display:none}, {@code visibility:hidden}, the
 *                {@code hidden} attribute or {@code aria-hidden="true"}) and is no dropdown menu: kept from visitors
 * @param context the nearest heading-like text before the link in document order that is not itself link text
 *                (e.g. {@code 通知公告} in {@code <div class="title">通知公告</div>} or an image title's {@code alt});
 *                null when none. It lets a {@code 更多>>} link be classified by its block's heading.
 * @param source    where {@code text} was read from
 * @param placement where on the page the link is: in the markup, in a dropdown submenu, written by a script, or in
 *                  another frame of the homepage
 */
public record PageLink(String text, String url, boolean hidden, String context, TextSource source,
                       Placement placement) {

    /** Where a link sits: what a visitor sees first, and what the office is shown when a finding is disputed. */
    public enum Placement {
        /** In the page's markup, visible. */
        PAGE,
        /**
         * An entry of a submenu hidden until a script shows it (a hidden list of links right after a visible menu
         * link: {@code <li><a>信息公开</a><ul style="display:none">…}); never {@code hidden}.
         */
        DROPDOWN,
        /** Written into the page by an inline script ({@code document.write}, {@code innerHTML}). */
        SCRIPT,
        /**
         * A menu entry that is no link but an element opening a page when clicked ({@code <div
         * onclick="GoToSubCat(3,'/szsdzj/gzyw/index.html')">新闻中心</div>}, {@code onclick="location.href='…'"}).
         */
        ONCLICK,
        /**
         * In another frame of a frameset homepage (a top navigation frame beside the content frame): part of what a
         * visitor sees as the homepage, though not in the measured page's own markup.
         */
        FRAME
    }

    /** Where a link's text comes from: what a person disputing a finding is shown. */
    public enum TextSource {
        /** The link's visible text. */
        TEXT,
        /** The link's {@code title} attribute (the link shows no text). */
        TITLE,
        /** The {@code alt} or {@code title} of the image the link wraps. */
        IMAGE_ALT,
        /** An image map's {@code <area>}: its {@code alt} or {@code title}. */
        IMAGE_MAP
    }

    public PageLink {
        source = source == null ? TextSource.TEXT : source;
        placement = placement == null ? Placement.PAGE : placement;
    }

    /** A link in the page's markup read from its visible text. */
    public PageLink(String text, String url, boolean hidden, String context) {
        this(text, url, hidden, context, TextSource.TEXT, Placement.PAGE);
    }

    /** A link in the page's markup. */
    public PageLink(String text, String url, boolean hidden, String context, TextSource source) {
        this(text, url, hidden, context, source, Placement.PAGE);
    }
}
