package org.egovmonitor.crawler.parse;

import java.time.LocalDate;

/**
 * One entry of a list (a news item, a notice, a document).
 *
 * @param title the entry's link text
 * @param url   the entry's absolute URL, or null when its link is not a usable http(s) URL (e.g. a
 *              {@code javascript:openWin(...)} link, still an entry)
 * @param date  the entry's date, or null when it carries none
 */
public record ListEntry(String title, String url, LocalDate date) {
}
