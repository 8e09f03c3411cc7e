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
 *   <li>otherwise the group with the most entries dated by their URLs ({@code t20240613_1.html}), whose entries then
 *       take those dates — the fallback for lists that show none;</li>
 *   <li>otherwise the largest group of at least two entries (an undated list, e.g. 办事指南).</li>
 * </ol>
 * Year-less dates listed under a year heading (2024年, a tab, a caption) take its year; the others are read against
 * the newest full date in the list, else the newest date the page shows as a date (never one inside a headline),
 * else now (see {@link DateExtractor#resolve(DateExtractor.RawDate, LocalDate)}). Dates after the capture day plus
 * the vocabulary's tolerance are rejected. An undated list of short links to column pages is an index of columns
 * ({@link ListPageSummary#index()}).
 */
public final class ListPageAnalyzer {

    /** Share of the navigation's links above which a group is taken to be the navigation repeated. */
    static final double NAV_OVERLAP = 0.5;

    /** When id/class-based exclusion removes more than this share of the page, the names were misleading. */
    static final double MAX_BOILERPLATE_SHARE = 0.9;

    private final List<String> blankPlaceholders;
    private final ListVocabulary vocabulary;

    /** @param blankPlaceholders texts that mean "nothing here" (暂无信息 ...), from the section catalogue */
    public ListPageAnalyzer(Collection<String> blankPlaceholders) {
        this(blankPlaceholders, ListVocabulary.NONE);
    }

    /**
     * @param blankPlaceholders texts that mean "nothing here" (暂无信息 ...), from the section catalogue
     * @param vocabulary        date labels, today words, URL date patterns and column names, from the catalogue
     */
    public ListPageAnalyzer(Collection<String> blankPlaceholders, ListVocabulary vocabulary) {
        this.blankPlaceholders = List.copyOf(blankPlaceholders);
        this.vocabulary = vocabulary;
    }

    public ListPageSummary analyze(Document sectionPage, Integer windowDays, LocalDate now) {
        return analyze(sectionPage, windowDays, now, Set.of());
    }

    /**
     * @param navUrls normalised URLs of the homepage's navigation links; a group made mostly of them is the site's
     *                navigation repeated on the section page, not its list
     */
    public ListPageSummary analyze(Document sectionPage, Integer windowDays, LocalDate now, Set<String> navUrls) {
        return summarise(mainList(sectionPage, now, navUrls), windowDays, now);
    }

    /**
     * The page's main list as {@link #analyze} finds it, entries dated, with what readers that look further than
     * each entry's link and date need (see {@link MessageListReader}).
     */
    public MainList mainList(Document sectionPage, LocalDate now, Set<String> navUrls) {
        DateExtractor dates = new DateExtractor(now, vocabulary.futureToleranceDays());
        PageScan scan = PageScan.of(sectionPage, true);
        Optional<EntryGroups.Group> main = chooseList(scan, navUrls);
        if (main.isEmpty() && scan.excludedShare() > MAX_BOILERPLATE_SHARE) {
            // Nearly everything looked like boilerplate and nothing was left: the names were misleading (a wrapper
            // called "top"). A short list on a page that is mostly navigation is found without this second look.
            scan = PageScan.of(sectionPage, false);
            main = chooseList(scan, navUrls);
        }
        if (main.isEmpty() || main.get().datedCount() == 0 && main.get().urlDatedCount() == 0) {
            // No dated list in the markup: the list may be rendered by a script from records in the page.
            List<ListEntry> scripted = showsPlaceholder(scan.mainText) ? List.of()
                    : new ScriptListReader(vocabulary.scriptRecords()).read(sectionPage, dates);
            if (!scripted.isEmpty()) {
                return new MainList(scripted, List.of(), null, false);
            }
        }
        if (main.isEmpty()) {
            return new MainList(List.of(), List.of(), null, false);
        }
        List<EntryGroups.Draft> drafts = main.get().drafts();
        boolean shownDates = main.get().datedCount() > 0;
        List<String> pageDates = scan.dateTexts;
        LocalDate context = newestFullDate(drafts, dates).orElseGet(() -> newestPageDate(pageDates, dates));

        List<ListEntry> entries = new ArrayList<>(drafts.size());
        for (EntryGroups.Draft d : drafts) {
            entries.add(new ListEntry(d.title(), d.url(), dateOf(d, shownDates, context, dates)));
        }
        return new MainList(entries, drafts, context, !shownDates && isColumnIndex(drafts));
    }

    /**
     * An entry's date: the one its row shows (a year-less one taking its heading's year, else read against the
     * context), or — only when no entry of its list shows one — the one in its URL.
     */
    static LocalDate dateOf(EntryGroups.Draft d, boolean listShowsDates, LocalDate context, DateExtractor dates) {
        if (d.rawDate() != null) {
            Integer year = d.rawDate().hasYear() ? null : d.headingYear();
            return (year != null ? dates.resolveInYear(d.rawDate(), year) : dates.resolve(d.rawDate(), context))
                    .orElse(null);
        }
        if (!listShowsDates && d.urlDate() != null) {
            return dates.resolve(d.urlDate(), (Integer) null).orElse(null);
        }
        return null;
    }

    /**
     * The entries are the page's sub-columns: none is dated (by its row or its URL), there are at least two, every
     * link text is short, and at least half of the links lead to column pages ({@code /zwgk/gzdt/}, {@code
     * list.html}).
     */
    private boolean isColumnIndex(List<EntryGroups.Draft> drafts) {
        int max = vocabulary.maxColumnTitleChars();
        if (max <= 0 || drafts.size() < 2) {
            return false;
        }
        int columns = 0;
        for (EntryGroups.Draft d : drafts) {
            if (d.urlDate() != null || d.title().isBlank() || d.title().length() > max) {
                return false;
            }
            if (vocabulary.isColumnUrl(d.url())) {
                columns++;
            }
        }
        return columns * 2 >= drafts.size();
    }

    private static LocalDate newestPageDate(List<String> dateTexts, DateExtractor dates) {
        LocalDate newest = null;
        for (String t : dateTexts) {
            LocalDate d = dates.dateOfText(t, null).orElse(null);
            if (d != null && (newest == null || d.isAfter(newest))) {
                newest = d;
            }
        }
        return newest;
    }

    /**
     * A page's main list: its entries and, for readers in this package, the rows they were read from.
     */
    public static final class MainList {
        private final List<ListEntry> entries;
        private final List<EntryGroups.Draft> drafts;
        private final LocalDate dateContext;
        private final boolean index;

        MainList(List<ListEntry> entries, List<EntryGroups.Draft> drafts, LocalDate dateContext, boolean index) {
            this.entries = List.copyOf(entries);
            this.drafts = List.copyOf(drafts);
            this.dateContext = dateContext;
            this.index = index;
        }

        /** The entries are the page's sub-columns (an index of columns), not items: see {@link ListPageSummary}. */
        public boolean index() {
            return index;
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

    /** The summary of a page's main list, with whether it is an index of columns. */
    public static ListPageSummary summarise(MainList list, Integer windowDays, LocalDate now) {
        ListPageSummary s = summarise(list.entries(), windowDays, now);
        return new ListPageSummary(s.items(), s.datedItems(), s.newestDate(), s.itemsInWindow(), s.blank(),
                s.entries(), list.index());
    }

    /**
     * Whether an entry dated {@code date} is within a window of {@code windowDays} days before {@code now} (later
     * dates count too): the one definition of "in the window", used by the crawl's count and by scoring's.
     */
    public static boolean withinWindow(LocalDate date, int windowDays, LocalDate now) {
        return !date.isBefore(now.minusDays(windowDays));
    }

    /** The summary of a list of entries; public so that the contract has one implementation. */
    public static ListPageSummary summarise(List<ListEntry> entries, Integer windowDays, LocalDate now) {
        int dated = 0;
        int inWindow = 0;
        LocalDate newest = null;
        for (ListEntry e : entries) {
            LocalDate d = e.date();
            if (d == null) {
                continue;
            }
            dated++;
            if (newest == null || d.isAfter(newest)) {
                newest = d;
            }
            if (windowDays != null && withinWindow(d, windowDays, now)) {
                inWindow++;
            }
        }
        return new ListPageSummary(entries.size(), dated, newest, inWindow, entries.isEmpty(), List.copyOf(entries));
    }

    /**
     * The main list among the page's groups, read one group at a time and none kept but the best so far of each kind
     * (a list page of 100,000 links has as many groups of one link besides its list): the group with the most dated
     * entries, else (unless the page shows a no-records placeholder) the most URL-dated, else the largest of two or
     * more entries, else the largest. Ties go to the larger group, then the earlier one.
     */
    private Optional<EntryGroups.Group> chooseList(PageScan scan, Set<String> navUrls) {
        Comparator<EntryGroups.Group> bigger = Comparator
                .comparingInt((EntryGroups.Group g) -> g.drafts().size())
                .thenComparing(Comparator.comparingInt(EntryGroups.Group::order).reversed());
        Comparator<EntryGroups.Group> mostDated = Comparator.comparingInt(EntryGroups.Group::datedCount)
                .thenComparing(bigger);
        Comparator<EntryGroups.Group> mostUrlDated = Comparator.comparingInt(EntryGroups.Group::urlDatedCount)
                .thenComparing(bigger);
        List<EntryGroups.Group> best = new ArrayList<>(java.util.Collections.nCopies(4, null));
        EntryGroups.forEach(scan, vocabulary, g -> {
            if (isNavigation(g, navUrls)) {
                return;
            }
            if (g.datedCount() > 0) {
                keepMax(best, 0, g, mostDated);
            }
            if (g.urlDatedCount() > 0) {
                keepMax(best, 1, g, mostUrlDated);
            }
            if (g.drafts().size() >= 2) {
                keepMax(best, 2, g, bigger);
            }
            keepMax(best, 3, g, bigger);
        });
        if (best.get(0) != null) {
            return Optional.of(best.get(0));
        }
        if (showsPlaceholder(scan.mainText)) {
            return Optional.empty();
        }
        // A list of one undated entry (a 概况 column with a single article) is still a list.
        for (int kind = 1; kind < 4; kind++) {
            if (best.get(kind) != null) {
                return Optional.of(best.get(kind));
            }
        }
        return Optional.empty();
    }

    /** Like {@link java.util.stream.Stream#max}: a later group replaces the kept one only when it is greater. */
    private static void keepMax(List<EntryGroups.Group> best, int kind, EntryGroups.Group g,
                                Comparator<EntryGroups.Group> order) {
        EntryGroups.Group kept = best.get(kind);
        if (kept == null || order.compare(kept, g) < 0) {
            best.set(kind, g);
        }
    }

    private boolean showsPlaceholder(String mainText) {
        for (String p : blankPlaceholders) {
            if (p.isBlank()) {
                continue;
            }
            // 记录数：0 is a placeholder, 记录数：05 is not.
            boolean endsInDigit = Character.isDigit(p.charAt(p.length() - 1));
            for (int at = mainText.indexOf(p); at >= 0; at = mainText.indexOf(p, at + 1)) {
                int after = at + p.length();
                if (!endsInDigit || after >= mainText.length() || !Character.isDigit(mainText.charAt(after))) {
                    return true;
                }
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
