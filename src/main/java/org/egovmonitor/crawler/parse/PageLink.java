package org.egovmonitor.crawler.parse;

/**
 * A link as a visitor sees it.
 *
 * @param text    the visible text, whitespace-collapsed; for an image link the link's {@code title} or the image's
 *                {@code alt}/{@code title}; may be empty
 * @param url     absolute, normalised http(s) URL without fragment
 * @param hidden  the link or an ancestor is hidden inline ({@code display:none}, {@code visibility:hidden}, the
 *                {@code hidden} attribute or {@code aria-hidden="true"})
 * @param context the nearest heading-like text before the link in document order that is not itself link text
 *                (e.g. {@code 通知公告} in {@code <div class="title">通知公告</div>} or an image title's {@code alt});
 *                null when none. It lets a {@code 更多>>} link be classified by its block's heading.
 */
public record PageLink(String text, String url, boolean hidden, String context) {
}
