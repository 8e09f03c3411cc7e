package org.egovmonitor.crawler.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;

/**
 * Reads a homepage's own freshness: every list block on it (news, notices ...) is found as in
 * {@link ListPageAnalyzer} and its dated entries are pooled, one per distinct link. Undated entries do not count as
 * updates. Pure.
 */
public final class HomepageAnalyzer {

    public HomepageSummary analyze(Document homepage, LocalDate now) {
        DateExtractor dates = new DateExtractor(now);
        PageScan scan = PageScan.of(homepage, true);
        String contentHash = sha256(scan.mainText);
        if (scan.excludedShare() > ListPageAnalyzer.MAX_BOILERPLATE_SHARE) {
            scan = PageScan.of(homepage, false);
        }
        List<EntryGroups.Group> groups = EntryGroups.find(scan);

        // Year-less dates on a homepage are read against the newest full date on it (see DateExtractor#resolve).
        LocalDate context = dates.newestFullDateIn(scan.mainText).orElse(null);
        Map<String, ListEntry> byLink = new LinkedHashMap<>();
        for (EntryGroups.Group g : groups) {
            for (EntryGroups.Draft d : g.drafts()) {
                if (d.rawDate() == null) {
                    continue;
                }
                LocalDate date = dates.resolve(d.rawDate(), context).orElse(null);
                if (date == null) {
                    continue;
                }
                String key = d.url() != null ? d.url() : "title:" + d.title();
                ListEntry known = byLink.get(key);
                if (known == null || date.isAfter(known.date())) {
                    byLink.put(key, new ListEntry(d.title(), d.url(), date));
                }
            }
        }
        List<ListEntry> entries = new ArrayList<>(byLink.values());
        LocalDate newest = entries.stream().map(ListEntry::date).max(LocalDate::compareTo).orElse(null);
        return new HomepageSummary(newest, entries.size(), entries.isEmpty(), contentHash, List.copyOf(entries));
    }

    /**
     * The homepage's content lists (news, notices ... blocks): every group of at least two repeated entries outside
     * header/nav/footer-like blocks, with its entries (dated or not) in page order. Their links are items, not the
     * site's columns; the measurer uses this to keep a headline such as 关于招商引资的咨询 from being taken for a section.
     */
    public List<List<ListEntry>> contentLists(Document homepage, LocalDate now) {
        DateExtractor dates = new DateExtractor(now);
        PageScan scan = PageScan.of(homepage, true);
        if (scan.excludedShare() > ListPageAnalyzer.MAX_BOILERPLATE_SHARE) {
            scan = PageScan.of(homepage, false);
        }
        LocalDate context = dates.newestFullDateIn(scan.mainText).orElse(null);
        List<List<ListEntry>> lists = new ArrayList<>();
        for (EntryGroups.Group g : EntryGroups.find(scan)) {
            if (g.drafts().size() < 2) {
                continue;
            }
            List<ListEntry> entries = new ArrayList<>(g.drafts().size());
            for (EntryGroups.Draft d : g.drafts()) {
                LocalDate date = d.rawDate() == null ? null : dates.resolve(d.rawDate(), context).orElse(null);
                entries.add(new ListEntry(d.title(), d.url(), date));
            }
            lists.add(List.copyOf(entries));
        }
        return lists;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
