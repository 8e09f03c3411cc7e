package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a section's list page shows. The contract the test farm's truth uses too:
 * {@code items} = number of list entries; {@code newestDate} = max entry date; {@code itemsInWindow} = entries dated
 * {@code d} with {@code !d.isBefore(now.minusDays(windowDays))} (0 when the family has no window);
 * {@code blank} = {@code items == 0}.
 *
 * @param items         number of list entries on this page (dated or not; paging links excluded)
 * @param datedItems    entries that carry a date
 * @param newestDate    the newest entry date, or null
 * @param itemsInWindow dated entries within the window
 * @param blank         no entries (including a page that shows only a placeholder such as 暂无信息)
 * @param entries       the entries, in page order
 */
public record ListPageSummary(int items, int datedItems, LocalDate newestDate, int itemsInWindow, boolean blank,
                              List<ListEntry> entries) {
}
