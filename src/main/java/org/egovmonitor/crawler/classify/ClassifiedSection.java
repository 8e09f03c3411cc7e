package org.egovmonitor.crawler.classify;

/**
 * A homepage link recognised as a section.
 *
 * @param family the section family id
 * @param title  the link text as decoded; for a block's {@code 更多>>} link, the block heading it was classified by
 * @param url    the section page's absolute URL
 */
public record ClassifiedSection(String family, String title, String url) {
}
