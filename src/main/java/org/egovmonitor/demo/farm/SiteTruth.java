package org.egovmonitor.demo.farm;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.SiteKind;

/**
 * Exactly what a perfect measurement of a generated site reports (compare with
 * {@link org.egovmonitor.crawler.measure.SiteMeasurement}). Computed from the generated model, never by parsing HTML.
 *
 * <p>Contract:
 * <ul>
 * <li>{@code sections}: one per family linked from the homepage navigation (visible, internal links only), in
 * navigation order. {@code items} counts the entries on the section's <em>first</em> list page (dated or not);
 * {@code newestDate} is the newest dated entry there (null if none); {@code itemsInWindow} counts entries dated
 * {@code d} with {@code !d.isBefore(now.minusDays(windowDays))} for families with a window (news 14, notices 180,
 * policy 180, personnel 365, plans 365), 0 for the others; {@code blank} is {@code items == 0}.</li>
 * <li>{@code messages} (interactive sections: mailbox, forum): one per entry of the first list page, in list order,
 * titled with its link text. A list shows, by layout, the asked date and: under a header row, the status and/or the
 * reply's day in their columns; in status rows, a status marker and perhaps the reply's day after the asked date;
 * or nothing more. A reply's day shown means ANSWERED; a status shown gives ANSWERED or PENDING; else UNKNOWN. The
 * first {@code maxMessagePagesPerSection} (crawl.yml's default) messages left UNKNOWN, or ANSWERED without a reply
 * day, take their page's word: ANSWERED (with the reply's day when the page shows it) or PENDING.</li>
 * <li>{@code missingFamilies}: {@link FamilyCatalog#REQUIRED} for the kind minus the families present, in the
 * required list's order.</li>
 * <li>{@code homepage}: {@code datedItems} = distinct item links on the homepage with at least one entry showing a
 * date; {@code newestDate} the newest of those dates. {@code navOnly} when that count is 0; then both come from the
 * first list pages of the navigation's sections (distinct dated entry links across them).</li>
 * <li>{@code brokenLinks}: absolute URLs of homepage {@code <a href>} links that answer ≥ 400 or not at all,
 * assuming every peer farm host is up.</li>
 * <li>No item is ever dated after {@code now} (future dates are not generated). Year-less dates ({@code [04-15]})
 * are only used for items less than 300 days old, so "the latest such day not after now" gives the true date.</li>
 * </ul>
 */
public record SiteTruth(String url, SiteKind kind, String name, LocalDate now, Homepage homepage,
                        List<Section> sections, List<String> missingFamilies, SortedSet<String> brokenLinks) {

    public record Homepage(LocalDate newestDate, int datedItems, boolean navOnly) {
    }

    /** Same fields as {@code SiteMeasurement.Section} (entries left out); status is always 200. */
    public record Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                          int itemsInWindow, boolean blank, List<Message> messages) {
        public Section {
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    /** Same fields as {@code SiteMeasurement.Message}. */
    public record Message(String title, String url, LocalDate askedOn, LocalDate answeredOn, MessageState state) {
    }

    public Section section(String family) {
        return sections.stream().filter(s -> s.family().equals(family)).findFirst().orElse(null);
    }
}
