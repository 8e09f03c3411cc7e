package org.egovmonitor.crawler.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.egovmonitor.crawler.classify.SectionClassifier;
import org.egovmonitor.crawler.classify.SectionDecision;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.HomepageAnalyzer;
import org.egovmonitor.crawler.parse.HomepageSummary;
import org.egovmonitor.crawler.parse.ListEntry;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.crawler.parse.SubColumnFinder;

/**
 * Reads the homepage itself: what becomes of each of its links (an entry of a content list, or the section
 * classifier's decision), the homepage's own freshness read in the same pass, and — once the sections are read — the
 * freshness a navigation-only homepage is judged by instead.
 */
final class HomepageReader {

    /** An undated homepage list naming at least this many families exactly is a menu, not content. */
    static final int MENU_FAMILIES = 3;

    private final SectionClassifier classifier;
    private final HomepageAnalyzer homepageAnalyzer;
    private final Set<String> interactiveFamilies;

    HomepageReader(SectionClassifier classifier, HomepageAnalyzer homepageAnalyzer, Set<String> interactiveFamilies) {
        this.classifier = classifier;
        this.homepageAnalyzer = homepageAnalyzer;
        this.interactiveFamilies = interactiveFamilies;
    }

    /** Every homepage link's decision, in page order, and the homepage's own freshness. */
    record Reading(List<SectionDecision> decisions, HomepageSummary summary) {
    }

    /** What becomes of every homepage link: a content list's entry, or the classifier's decision. */
    Reading read(OpenedHomepage opened, LocalDate now) {
        Map<String, Integer> inLists = new HashMap<>();
        HomepageSummary summary = homepageAnalyzer.analyze(opened.doc(), now, list -> countItems(list, inLists));
        Set<String> items = contentListItems(inLists, opened.links());
        List<PageLink> candidates = opened.links().stream().filter(l -> !items.contains(l.url())).toList();
        Map<PageLink, SectionDecision> byLink = new IdentityHashMap<>();
        for (SectionDecision d : classifier.decide(candidates, opened.hosts())) {
            byLink.put(d.link(), d);
        }
        List<SectionDecision> all = new ArrayList<>(opened.links().size());
        for (PageLink l : opened.links()) {
            SectionDecision d = byLink.get(l);
            all.add(d != null ? d : SectionDecision.contentItem(l));
        }
        return new Reading(all, summary);
    }

    /**
     * Counts a content list's entry links unless the list is a menu. An undated list whose entries name three or more
     * different families exactly is a menu, and so is a small site's short navigation bar, where two or more
     * different families make up at least half the entries (e.g. 首页 · 在线办事 · 概况信息). A 概况 block's items all
     * name the one family of its heading, so it never passes for a menu. A row of nothing but links (a small site's
     * table navigation, 首页 | 政务公开) is no entry at all (see {@link HomepageAnalyzer#contentLists}), however few
     * its links.
     */
    private void countItems(List<ListEntry> list, Map<String, Integer> inLists) {
        boolean dated = list.stream().anyMatch(e -> e.date() != null);
        long families = list.stream().map(e -> classifier.exactFamilyOf(e.title()))
                .flatMap(Optional::stream).distinct().count();
        long columns = list.stream().filter(e -> SubColumnFinder.isColumnLink(e.title(), e.url())).count();
        boolean menu = !dated && (families >= MENU_FAMILIES || (families >= 2 && families * 2 >= list.size())
                || columns * 2 > list.size());
        if (!menu) {
            // Nested groups may list the same link twice: count its largest number within one list.
            Map<String, Integer> inThis = new HashMap<>();
            list.stream().map(ListEntry::url).filter(Objects::nonNull)
                    .forEach(u -> inThis.merge(u, 1, Integer::sum));
            inThis.forEach((u, n) -> inLists.merge(u, n, Math::max));
        }
    }

    /**
     * Links that are entries of the homepage's content lists: a headline (关于招商引资的咨询) or an article of a
     * 概况 block (历史沿革) is an item, not a column of the site. A URL also linked from outside the content lists
     * (the navigation, a block heading) is kept: list detection may take a block's heading row for an entry, the
     * navigation link to the same page is what counts.
     */
    private static Set<String> contentListItems(Map<String, Integer> inLists, List<PageLink> links) {
        Map<String, Integer> onPage = new HashMap<>();
        for (PageLink l : links) {
            if (inLists.containsKey(l.url())) {
                onPage.merge(l.url(), 1, Integer::sum);
            }
        }
        Set<String> items = new HashSet<>();
        inLists.forEach((url, n) -> {
            if (onPage.getOrDefault(url, 0) <= n) {
                items.add(url);
            }
        });
        return items;
    }

    /**
     * The homepage's freshness: its own dated entries, or, for a navigation-only homepage, its second level — the
     * section list pages' dated entries, one per distinct entry link (an entry without a usable link counts by its
     * title). Letters and forum posts (the interactive sections) are the public's, never the site's news.
     */
    Homepage freshness(HomepageSummary summary, List<Section> sections) {
        if (!summary.navOnly()) {
            return new Homepage(summary.newestDate(), summary.datedItems(), false,
                    summary.datedEntries().stream().map(MeasurementEngine::entry).toList());
        }
        Map<String, Entry> byLink = new LinkedHashMap<>();
        for (Section s : sections) {
            if (interactiveFamilies.contains(s.family())) {
                continue;
            }
            for (Entry e : s.entries()) {
                if (e.date() == null) {
                    continue;
                }
                String key = e.url() != null ? e.url() : "title:" + e.title();
                Entry known = byLink.get(key);
                if (known == null || e.date().isAfter(known.date())) {
                    byLink.put(key, e);
                }
            }
        }
        LocalDate newest = byLink.values().stream().map(Entry::date).max(LocalDate::compareTo).orElse(null);
        return new Homepage(newest, byLink.size(), true, List.copyOf(byLink.values()));
    }
}
