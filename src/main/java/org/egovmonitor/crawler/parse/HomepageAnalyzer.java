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

        // Year-less dates on a homepage: the newest full date on it gives the year (e.g. a "today" banner).
        Integer contextYear = dates.newestFullDateIn(scan.mainText).map(LocalDate::getYear).orElse(null);
        Map<String, ListEntry> byLink = new LinkedHashMap<>();
        for (EntryGroups.Group g : groups) {
            for (EntryGroups.Draft d : g.drafts()) {
                if (d.rawDate() == null) {
                    continue;
                }
                LocalDate date = dates.resolve(d.rawDate(), contextYear).orElse(null);
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

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
