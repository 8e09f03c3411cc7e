package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a homepage shows of its own freshness.
 *
 * @param newestDate   the newest entry date on the homepage, or null
 * @param datedItems   distinct item links on the homepage whose entry carries a date
 * @param navOnly      true when no entry on the homepage carries a date (judge it by its second-level pages)
 * @param contentHash  SHA-256 (lower-case hex) of the main text: body text minus hidden, script and
 *                     header/nav/footer-like blocks, whitespace-collapsed — a nav restyle does not change it
 * @param datedEntries the dated entries counted, one per distinct link, in page order
 */
public record HomepageSummary(LocalDate newestDate, int datedItems, boolean navOnly, String contentHash,
                              List<ListEntry> datedEntries) {
}
