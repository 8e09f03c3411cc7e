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
 * @param source   where {@code text} was read from
 * @param dropdown the link is an entry of a submenu hidden until a script shows it (a hidden list of links right
 *                 after a visible menu link: {@code <li><a>信息公开</a><ul style="display:none">…}); not
 *                 {@code hidden}
 */
public record PageLink(String text, String url, boolean hidden, String context, TextSource source,
                       boolean dropdown) {

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
    }

    /** A link read from its visible text. */
    public PageLink(String text, String url, boolean hidden, String context) {
        this(text, url, hidden, context, TextSource.TEXT, false);
    }

    /** A link that is no dropdown entry. */
    public PageLink(String text, String url, boolean hidden, String context, TextSource source) {
        this(text, url, hidden, context, source, false);
    }
}
