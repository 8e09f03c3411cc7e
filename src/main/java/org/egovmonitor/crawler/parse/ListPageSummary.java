package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a section's list page shows. The contract the test farm's truth uses too:
 * {@code items} = number of list entries; {@code newestDate} = max entry date; {@code itemsInWindow} = entries dated
 * {@code d} with {@code !d.isBefore(now.minusDays(windowDays))} (0 when the family has no window);
 * {@code blank} = {@code items == 0}; {@code index} = the entries are the page's sub-columns, not items.
 *
 * @param items         number of list entries on this page (dated or not; paging links excluded)
 * @param datedItems    entries that carry a date
 * @param newestDate    the newest entry date, or null
 * @param itemsInWindow dated entries within the window
 * @param blank         no entries (including a page that shows only a placeholder such as 暂无信息)
 * @param entries       the entries, in page order
 * @param index         the page lists sub-columns (short column links, no dates): an index of columns, not a blank
 *                      column nor a list of items; its freshness is its children's
 */
public record ListPageSummary(int items, int datedItems, LocalDate newestDate, int itemsInWindow, boolean blank,
                              List<ListEntry> entries, boolean index) {

    /** A summary of a list of items (not an index of columns). */
    public ListPageSummary(int items, int datedItems, LocalDate newestDate, int itemsInWindow, boolean blank,
                           List<ListEntry> entries) {
        this(items, datedItems, newestDate, itemsInWindow, blank, entries, false);
    }
}
