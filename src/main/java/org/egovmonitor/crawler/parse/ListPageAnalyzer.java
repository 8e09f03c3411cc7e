package org.egovmonitor.crawler.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * Reads a section's list page: finds the page's main list generically and counts and dates its entries. Pure.
 *
 * <p>The main list is chosen among groups of repeated sibling elements that each hold a link (see
 * {@link EntryGroups}), outside hidden and header/nav/footer/sidebar-like containers, and not the site's main
 * navigation (a group whose links are mostly the homepage's navigation links, when those are given):
 * <ol>
 *   <li>if some group has dated entries, the group with the most dated entries (then the most entries, then the
 *       earliest) — a real list carries dates, navigation does not;</li>
 *   <li>otherwise, when the page shows a blank placeholder (暂无信息 ...), there is no list;</li>
 *   <li>otherwise the largest group of at least two entries (an undated list, e.g. 办事指南).</li>
 * </ol>
 * Year-less dates are read against the newest full date in the list, else on the page (see
 * {@link DateExtractor#resolve(DateExtractor.RawDate, LocalDate)}).
 */
public final class ListPageAnalyzer {

    /** Share of the navigation's links above which a group is taken to be the navigation repeated. */
    static final double NAV_OVERLAP = 0.5;

    /** When id/class-based exclusion removes more than this share of the page, the names were misleading. */
    static final double MAX_BOILERPLATE_SHARE = 0.9;

    private final List<String> blankPlaceholders;

    /** @param blankPlaceholders texts that mean "nothing here" (暂无信息 ...), from the section catalogue */
    public ListPageAnalyzer(Collection<String> blankPlaceholders) {
        this.blankPlaceholders = List.copyOf(blankPlaceholders);
    }

    public ListPageSummary analyze(Document sectionPage, Integer windowDays, LocalDate now) {
        return analyze(sectionPage, windowDays, now, Set.of());
    }

    /**
     * @param navUrls normalised URLs of the homepage's navigation links; a group made mostly of them is the site's
     *                navigation repeated on the section page, not its list
     */
    public ListPageSummary analyze(Document sectionPage, Integer windowDays, LocalDate now, Set<String> navUrls) {
        return summarise(mainList(sectionPage, now, navUrls).entries(), windowDays, now);
    }

    /**
     * The page's main list as {@link #analyze} finds it, entries dated, with what readers that look further than
     * each entry's link and date need (see {@link MessageListReader}).
     */
    public MainList mainList(Document sectionPage, LocalDate now, Set<String> navUrls) {
        DateExtractor dates = new DateExtractor(now);
        PageScan scan = PageScan.of(sectionPage, true);
        Optional<EntryGroups.Group> main = chooseList(EntryGroups.find(scan), scan.mainText, navUrls);
        if (main.isEmpty() && scan.excludedShare() > MAX_BOILERPLATE_SHARE) {
            // Nearly everything looked like boilerplate and nothing was left: the names were misleading (a wrapper
            // called "top"). A short list on a page that is mostly navigation is found without this second look.
            scan = PageScan.of(sectionPage, false);
            main = chooseList(EntryGroups.find(scan), scan.mainText, navUrls);
        }
        if (main.isEmpty()) {
            return new MainList(List.of(), List.of(), null);
        }
        List<EntryGroups.Draft> drafts = main.get().drafts();
        String mainText = scan.mainText;
        LocalDate context = newestFullDate(drafts, dates).orElseGet(
                () -> dates.newestFullDateIn(mainText).orElse(null));

        List<ListEntry> entries = new ArrayList<>(drafts.size());
        for (EntryGroups.Draft d : drafts) {
            LocalDate date = d.rawDate() == null ? null : dates.resolve(d.rawDate(), context).orElse(null);
            entries.add(new ListEntry(d.title(), d.url(), date));
        }
        return new MainList(entries, drafts, context);
    }

    /**
     * A page's main list: its entries and, for readers in this package, the rows they were read from.
     */
    public static final class MainList {
        private final List<ListEntry> entries;
        private final List<EntryGroups.Draft> drafts;
        private final LocalDate dateContext;

        MainList(List<ListEntry> entries, List<EntryGroups.Draft> drafts, LocalDate dateContext) {
            this.entries = List.copyOf(entries);
            this.drafts = List.copyOf(drafts);
            this.dateContext = dateContext;
        }

        /** The entries, in page order. */
        public List<ListEntry> entries() {
            return entries;
        }

        /** The rows, one per entry, in the same order. */
        List<EntryGroups.Draft> drafts() {
            return drafts;
        }

        /** The newest full date of the list (else of the page) that year-less dates on it are read against. */
        public LocalDate dateContext() {
            return dateContext;
        }
    }

    /** The summary of a list of entries; public so that the contract has one implementation. */
    public static ListPageSummary summarise(List<ListEntry> entries, Integer windowDays, LocalDate now) {
        int dated = 0;
        int inWindow = 0;
        LocalDate newest = null;
        LocalDate windowStart = windowDays == null ? null : now.minusDays(windowDays);
        for (ListEntry e : entries) {
            LocalDate d = e.date();
            if (d == null) {
                continue;
            }
            dated++;
            if (newest == null || d.isAfter(newest)) {
                newest = d;
            }
            if (windowStart != null && !d.isBefore(windowStart)) {
                inWindow++;
            }
        }
        return new ListPageSummary(entries.size(), dated, newest, inWindow, entries.isEmpty(), List.copyOf(entries));
    }

    private Optional<EntryGroups.Group> chooseList(List<EntryGroups.Group> groups, String mainText,
                                                   Set<String> navUrls) {
        List<EntryGroups.Group> candidates = new ArrayList<>();
        for (EntryGroups.Group g : groups) {
            if (!isNavigation(g, navUrls)) {
                candidates.add(g);
            }
        }
        Comparator<EntryGroups.Group> bigger = Comparator
                .comparingInt((EntryGroups.Group g) -> g.drafts().size())
                .thenComparing(Comparator.comparingInt(EntryGroups.Group::order).reversed());
        Optional<EntryGroups.Group> dated = candidates.stream()
                .filter(g -> g.datedCount() > 0)
                .max(Comparator.comparingInt(EntryGroups.Group::datedCount).thenComparing(bigger));
        if (dated.isPresent()) {
            return dated;
        }
        if (showsPlaceholder(mainText)) {
            return Optional.empty();
        }
        Optional<EntryGroups.Group> undated = candidates.stream().filter(g -> g.drafts().size() >= 2).max(bigger);
        // A list of one undated entry (a 概况 column with a single article) is still a list.
        return undated.isPresent() ? undated : candidates.stream().max(bigger);
    }

    private boolean showsPlaceholder(String mainText) {
        for (String p : blankPlaceholders) {
            if (!p.isBlank() && mainText.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNavigation(EntryGroups.Group g, Set<String> navUrls) {
        if (navUrls.isEmpty()) {
            return false;
        }
        long inNav = g.drafts().stream().filter(d -> d.url() != null && navUrls.contains(d.url())).count();
        return inNav >= Math.max(1, g.drafts().size() * NAV_OVERLAP);
    }

    private static Optional<LocalDate> newestFullDate(List<EntryGroups.Draft> drafts, DateExtractor dates) {
        LocalDate newest = null;
        for (EntryGroups.Draft d : drafts) {
            if (d.rawDate() != null && d.rawDate().hasYear()) {
                LocalDate date = dates.resolve(d.rawDate(), (Integer) null).orElse(null);
                if (date != null && (newest == null || date.isAfter(newest))) {
                    newest = date;
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}
