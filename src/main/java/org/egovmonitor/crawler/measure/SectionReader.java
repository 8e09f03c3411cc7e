package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.classify.ClassifiedSection;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.SiteFetches.FetchedPage;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.ListPageAnalyzer;
import org.egovmonitor.crawler.parse.ListPageSummary;
import org.egovmonitor.crawler.parse.MessageEntry;
import org.egovmonitor.crawler.parse.MessageListReader;

/**
 * Reads each classified section's first list page: fetched a few at a time within the page budget, its main list
 * judged against the family's window, and, on an interactive section (信箱, 留言), its messages as the list shows
 * them. Each read keeps its parsed page for the column tree ({@link ColumnTreeReader}), which drops it.
 */
final class SectionReader {

    private final SectionCatalog catalog;
    private final ListPageAnalyzer listAnalyzer;
    private final Set<String> interactiveFamilies;
    private final MessageListReader messageReader;

    SectionReader(SectionCatalog catalog, ListPageAnalyzer listAnalyzer, Set<String> interactiveFamilies,
                  MessageListReader messageReader) {
        this.catalog = catalog;
        this.listAnalyzer = listAnalyzer;
        this.interactiveFamilies = interactiveFamilies;
        this.messageReader = messageReader;
    }

    /**
     * One read per classified section, in homepage order; only the first {@code budget} are fetched (the others read
     * as not fetched, status 0). {@code navUrls} are the site's navigation links, never list entries.
     */
    List<SectionRead> read(List<ClassifiedSection> classified, int budget, Set<String> navUrls, SiteFetches site,
                           LocalDate now) {
        List<ClassifiedSection> todo = classified.subList(0, Math.min(budget, classified.size()));
        List<FetchedPage> pages = site.inParallel(todo, s -> site.get(URI.create(s.url()),
                MeasurementEngine.SECTION));
        List<SectionRead> reads = new ArrayList<>(classified.size());
        for (int i = 0; i < classified.size(); i++) {
            FetchedPage page = null;
            if (i < pages.size()) {
                page = pages.get(i) != null ? pages.get(i) : SiteFetches.notFetched(todo.get(i).url());
            }
            reads.add(read(classified.get(i), page, navUrls, now));
        }
        return reads;
    }

    private SectionRead read(ClassifiedSection s, FetchedPage page, Set<String> navUrls, LocalDate now) {
        if (page == null || page.document() == null) {
            int status = page == null ? 0 : page.result().status();
            return new SectionRead(new Section(s.family(), s.title(), s.url(), status, null, 0, 0, false,
                    List.of(), List.of(), List.of(), 0, List.of()), List.of(), page);
        }
        Integer window = catalog.family(s.family()).map(SectionFamily::windowDays).orElse(null);
        ListPageAnalyzer.MainList main = listAnalyzer.mainList(page.document(), now, navUrls);
        ListPageSummary list = ListPageAnalyzer.summarise(main, window, now);
        List<Entry> entries = list.entries().stream().map(MeasurementEngine::entry).toList();
        Section section = new Section(s.family(), s.title(), s.url(), page.result().status(), list.newestDate(),
                list.items(), window == null ? 0 : list.itemsInWindow(), list.blank(), entries, List.of(),
                List.of(), 0, Section.datesOf(entries));
        return new SectionRead(section, interactiveFamilies.contains(s.family())
                ? messageReader.read(main, now) : List.of(), page);
    }

    /**
     * A section as its list page was read, its parsed page (null when not fetched), and its messages as read so far
     * (completed by their own pages, {@link MessagePageFollower}).
     */
    static final class SectionRead {
        private final Section listed;
        private final List<MessageEntry> messages;
        private final FetchedPage page;

        SectionRead(Section listed, List<MessageEntry> messages, FetchedPage page) {
            this.listed = listed;
            this.messages = new ArrayList<>(messages);
            this.page = page;
        }

        /** The messages as read so far; {@link MessagePageFollower} completes them in place. */
        List<MessageEntry> messages() {
            return messages;
        }

        FetchedPage page() {
            return page;
        }

        /** The section with its messages; entries that show neither a date nor a state are no messages. */
        Section section() {
            List<Message> out = messages.stream().filter(MessageEntry::isMessage)
                    .map(m -> new Message(m.title(), m.url(), m.askedOn(), m.answeredOn(), m.state())).toList();
            return listed.withMessages(out);
        }
    }
}
