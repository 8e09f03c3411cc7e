package org.egovmonitor.crawler.parse;

/**
 * A response body turned into text.
 *
 * @param html    the decoded text (a leading byte-order mark removed)
 * @param charset the canonical name of the charset actually used to decode, e.g. {@code UTF-8}, {@code GB18030},
 *                {@code ISO-8859-1}; this is what a measurement reports, not what the page claimed
 */
public record DecodedPage(String html, String charset) {
}
