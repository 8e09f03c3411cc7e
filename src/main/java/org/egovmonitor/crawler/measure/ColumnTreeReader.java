package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SectionReader.SectionRead;
import org.egovmonitor.crawler.measure.SiteFetches.FetchedPage;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.ListPageSummary;
import org.egovmonitor.crawler.parse.SubColumnFinder;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The column tree one level down: on each section page that is a column index (or the 政府信息公开 platform), its
 * sub-columns ({@link SubColumnFinder}) are read as lists of their own, judged against the section's family window,
 * within what {@code maxPagesPerSite} leaves (in homepage order, then page order; what is left out is counted in
 * {@link Section#childrenNotFetched}). A sub-column is read once per site, under the first section that lists it; the
 * homepage's sections are never sub-columns. An index section's newest date is the newest of its own list and its
 * children's; its own list is read again without its sub-column links.
 */
final class ColumnTreeReader {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnTreeReader.class);

    /** The 政府信息公开 platform's family: its column list is followed one level down like a column index. */
    static final String OPEN_GOV = "open_gov";

    /** At most this many sub-columns of one section are read. */
    static final int MAX_SUBCOLUMNS_PER_SECTION = 12;

    private final SectionCatalog catalog;
    private final ListPageAnalyzer listAnalyzer;
    private final Set<String> interactiveFamilies;
    private final SubColumnFinder subColumnFinder;
    private final int maxPagesPerSite;

    ColumnTreeReader(SectionCatalog catalog, ListPageAnalyzer listAnalyzer, Set<String> interactiveFamilies,
                     int maxPagesPerSite) {
        this.catalog = catalog;
        this.listAnalyzer = listAnalyzer;
        this.interactiveFamilies = interactiveFamilies;
        this.subColumnFinder = new SubColumnFinder(MAX_SUBCOLUMNS_PER_SECTION, catalog.subColumnWords());
        this.maxPagesPerSite = maxPagesPerSite;
    }

    /** The sections of {@code reads}, in homepage order, each with its sub-columns when it is a column index. */
    List<Section> read(List<SectionRead> reads, Set<String> navUrls, Set<String> hosts, SiteFetches site,
                       LocalDate now) {
        List<Section> sections = reads.stream().map(SectionRead::section).toList();
        Set<String> taken = new HashSet<>(navUrls);
        List<List<SubColumnFinder.SubColumn>> found = new ArrayList<>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            Document doc = document(reads.get(i));
            if (doc == null || interactiveFamilies.contains(s.family())) {
                found.add(List.of());
                continue;
            }
            Set<String> itemUrls = new HashSet<>();
            s.entries().stream().filter(e -> e.date() != null && e.url() != null)
                    .forEach(e -> itemUrls.add(e.url()));
            List<SubColumnFinder.SubColumn> subs = subColumnFinder.find(doc, s.url(), hosts, taken, itemUrls,
                    OPEN_GOV.equals(s.family())).stream().filter(c -> taken.add(c.url())).toList();
            found.add(subs);
        }
        int left = site.left(maxPagesPerSite);
        List<SubColumnFinder.SubColumn> todo = new ArrayList<>();
        found.forEach(todo::addAll);
        if (todo.size() > left) {
            LOG.info("{}: {} sub-columns, {} fetched (maxPagesPerSite {})", site.siteUrl(), todo.size(), left,
                    maxPagesPerSite);
            todo = todo.subList(0, left);
        }
        List<FetchedPage> childPages = site.inParallel(todo, c -> site.get(URI.create(c.url()),
                MeasurementEngine.SUBCOLUMN));
        List<Section> out = new ArrayList<>(sections.size());
        int next = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            List<SubColumnFinder.SubColumn> subs = found.get(i);
            if (subs.isEmpty()) {
                out.add(s);
                continue;
            }
            Integer window = catalog.family(s.family()).map(SectionFamily::windowDays).orElse(null);
            Set<String> childNav = new HashSet<>(navUrls);
            subs.forEach(c -> childNav.add(c.url()));
            List<SiteMeasurement.Child> children = new ArrayList<>();
            int notFetched = 0;
            for (SubColumnFinder.SubColumn c : subs) {
                if (next >= todo.size()) {
                    notFetched++;
                    continue;
                }
                children.add(readChild(c, childPages.get(next++), window, childNav, now));
            }
            out.add(withChildren(s, document(reads.get(i)), window, childNav, children, notFetched, now));
        }
        return out;
    }

    private static Document document(SectionRead read) {
        return read.page() == null ? null : read.page().document();
    }

    private SiteMeasurement.Child readChild(SubColumnFinder.SubColumn c, FetchedPage page, Integer window,
                                            Set<String> childNav, LocalDate now) {
        if (page == null || page.document() == null) {
            return new SiteMeasurement.Child(c.title(), c.url(), page == null ? 0 : page.result().status(),
                    null, 0, 0, false);
        }
        ListPageSummary list = ListPageAnalyzer.summarise(
                listAnalyzer.mainList(page.document(), now, childNav).entries(), window, now);
        return new SiteMeasurement.Child(c.title(), c.url(), page.result().status(), list.newestDate(),
                list.items(), window == null ? 0 : list.itemsInWindow(), list.blank());
    }

    /** An index section: its own list read without its sub-column links, its freshness the newest of the tree. */
    private Section withChildren(Section s, Document page, Integer window, Set<String> childNav,
                                 List<SiteMeasurement.Child> children, int notFetched, LocalDate now) {
        ListPageSummary own = ListPageAnalyzer.summarise(listAnalyzer.mainList(page, now, childNav).entries(),
                window, now);
        LocalDate newest = own.newestDate();
        for (SiteMeasurement.Child c : children) {
            if (c.newestDate() != null && (newest == null || c.newestDate().isAfter(newest))) {
                newest = c.newestDate();
            }
        }
        // Blank when nothing can be read through the column: its own list and every child read are empty.
        boolean blank = own.blank() && children.stream().allMatch(c -> c.items() == 0);
        List<SiteMeasurement.Entry> entries = own.entries().stream().map(MeasurementEngine::entry).toList();
        return new Section(s.family(), s.title(), s.url(), s.status(), newest, own.items(),
                window == null ? 0 : own.itemsInWindow(), blank, entries, s.messages(), children, notFetched,
                Section.datesOf(entries));
    }
}
