package org.egovmonitor.crawler.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;

/**
 * Reads a homepage's own freshness: every list block on it (news, notices ...) is found as in
 * {@link ListPageAnalyzer} and its dated entries are pooled, one per distinct link. Undated entries do not count as
 * updates; a block that shows no dates is dated by its entries' URLs ({@code t20240613_1.html}) when they carry the
 * day. Lists of letters and forum posts (a block headed 县长信箱, 咨询投诉 or 留言, or whose entries lead into one) are
 * the public's, not the site's news: they never count. Pure.
 */
public final class HomepageAnalyzer {

    private static final java.util.Set<String> LIST_ITEM_KEYS = java.util.Set.of("li", "dd", "dt");

    private final ListVocabulary vocabulary;

    /** An analyser with no vocabulary: no URL dates, no message lists told apart, no future tolerance. */
    public HomepageAnalyzer() {
        this(ListVocabulary.NONE);
    }

    /** @param vocabulary date words, URL date patterns and message list words, from the section catalogue */
    public HomepageAnalyzer(ListVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public HomepageSummary analyze(Document homepage, LocalDate now) {
        return analyze(homepage, now, null);
    }

    /**
     * {@link #analyze(Document, LocalDate)} and {@link #contentLists(Document, LocalDate, Consumer)} in one pass over
     * the page's lists (finding them is most of the cost of either on a large page): {@code contentLists} (null for
     * none) gets each content list as it is read.
     */
    public HomepageSummary analyze(Document homepage, LocalDate now, Consumer<List<ListEntry>> contentLists) {
        DateExtractor dates = new DateExtractor(now, vocabulary.futureToleranceDays());
        PageScan scan = PageScan.of(homepage, true);
        String contentHash = sha256(scan.mainText);
        if (scan.excludedShare() > ListPageAnalyzer.MAX_BOILERPLATE_SHARE) {
            scan = PageScan.of(homepage, false);
        }
        // One pass over the groups, none kept (a page of 100,000 links has as many groups): each entry is dated both
        // ways, as if the homepage showed dates and as if it showed none, and the right pool is chosen at the end.
        // An entry of a message list stays out even when a smaller group (its own <li>) lists it again.
        Set<String> messageKeys = new HashSet<>();
        // Dates in article URLs are a fallback for a homepage that shows none: they are often the upload
        // directory's date, days after the date the article shows (嘉鱼: /2012-12-10/2015.html shows 2012-12-04).
        boolean[] homepageShowsDates = {false};
        // Year-less dates are read against the newest full date of their own block (see DateExtractor#resolve): the
        // blocks of a homepage are separate lists, and a stale 政策文件 block says nothing about the year of [01-11]
        // in the 通知公告 block beside it.
        Map<String, ListEntry> shown = new LinkedHashMap<>();
        Map<String, ListEntry> byUrlDate = new LinkedHashMap<>();
        EntryGroups.forEach(scan, vocabulary, g -> {
            if (contentLists != null) {
                List<ListEntry> list = contentList(g, dates);
                if (list != null) {
                    contentLists.accept(list);
                }
            }
            if (isMessageList(g)) {
                g.drafts().forEach(d -> messageKeys.add(key(d)));
                return;
            }
            if (g.datedCount() > 0 && !homepageShowsDates[0]) {
                homepageShowsDates[0] = true;
                byUrlDate.clear(); // never the answer now
            }
            LocalDate context = newestFullDate(g, dates);
            for (EntryGroups.Draft d : g.drafts()) {
                keepNewest(shown, d, ListPageAnalyzer.dateOf(d, true, context, dates));
                if (!homepageShowsDates[0]) {
                    keepNewest(byUrlDate, d, ListPageAnalyzer.dateOf(d, false, context, dates));
                }
            }
        });
        Map<String, ListEntry> byLink = homepageShowsDates[0] ? shown : byUrlDate;
        byLink.keySet().removeAll(messageKeys);
        List<ListEntry> entries = new ArrayList<>(byLink.values());
        LocalDate newest = entries.stream().map(ListEntry::date).max(LocalDate::compareTo).orElse(null);
        return new HomepageSummary(newest, entries.size(), entries.isEmpty(), contentHash, List.copyOf(entries));
    }

    /**
     * The homepage's content lists (news, notices ... blocks): every group of at least two repeated entries (or one
     * list item) outside header/nav/footer-like blocks, with its entries (dated or not) in page order. Their links are
     * items, not the site's columns; the measurer uses this to keep a headline such as 关于招商引资的咨询 from being
     * taken for a section. A row of nothing but links (首页 | 政务公开 | 概况信息 in the table navigation of a small
     * site) is a bar, not an entry ({@link EntryGroups#isLinkBar}): it is left out before the entries are counted.
     */
    public List<List<ListEntry>> contentLists(Document homepage, LocalDate now) {
        List<List<ListEntry>> lists = new ArrayList<>();
        contentLists(homepage, now, lists::add);
        return lists;
    }

    /** {@link #contentLists(Document, LocalDate)}, each list handed over as soon as it is read and kept by no one. */
    public void contentLists(Document homepage, LocalDate now, Consumer<List<ListEntry>> each) {
        DateExtractor dates = new DateExtractor(now, vocabulary.futureToleranceDays());
        PageScan scan = PageScan.of(homepage, true);
        if (scan.excludedShare() > ListPageAnalyzer.MAX_BOILERPLATE_SHARE) {
            scan = PageScan.of(homepage, false);
        }
        EntryGroups.forEach(scan, vocabulary, g -> {
            List<ListEntry> list = contentList(g, dates);
            if (list != null) {
                each.accept(list);
            }
        });
    }

    /** The group as a content list, or null when it is none. */
    private static List<ListEntry> contentList(EntryGroups.Group g, DateExtractor dates) {
        List<EntryGroups.Draft> drafts = g.drafts().stream().filter(d -> !EntryGroups.isLinkBar(d)).toList();
        // One entry is a list only when the markup says so (a lone <li> of a <ul>); a lone table row or link
        // is as likely an image button (市长信箱) as an item.
        if (drafts.isEmpty() || (drafts.size() < 2 && !LIST_ITEM_KEYS.contains(g.key()))) {
            return null;
        }
        LocalDate context = newestFullDate(g, dates);
        boolean shownDates = g.datedCount() > 0;
        List<ListEntry> entries = new ArrayList<>(drafts.size());
        for (EntryGroups.Draft d : drafts) {
            entries.add(new ListEntry(d.title(), d.url(), ListPageAnalyzer.dateOf(d, shownDates, context, dates)));
        }
        return List.copyOf(entries);
    }

    private static void keepNewest(Map<String, ListEntry> byLink, EntryGroups.Draft d, LocalDate date) {
        if (date == null) {
            return;
        }
        String key = key(d);
        ListEntry known = byLink.get(key);
        if (known == null || date.isAfter(known.date())) {
            byLink.put(key, new ListEntry(d.title(), d.url(), date));
        }
    }

    private static String key(EntryGroups.Draft d) {
        return d.url() != null ? d.url() : "title:" + d.title();
    }

    /**
     * A block of letters or forum posts: its heading names one (县长信箱, 咨询投诉, 网上留言 …), or most of its entries
     * lead into one ({@code /szxx/show.asp?id=3}, {@code liuyan.asp?id=7}).
     */
    private boolean isMessageList(EntryGroups.Group g) {
        if (vocabulary.namesMessageList(g.heading())) {
            return true;
        }
        long intoMessages = g.drafts().stream().filter(d -> vocabulary.isMessageUrl(d.url())).count();
        return intoMessages * 2 > g.drafts().size();
    }

    private static LocalDate newestFullDate(EntryGroups.Group g, DateExtractor dates) {
        LocalDate newest = null;
        for (EntryGroups.Draft d : g.drafts()) {
            if (d.rawDate() != null && d.rawDate().hasYear()) {
                LocalDate date = dates.resolve(d.rawDate(), (Integer) null).orElse(null);
                if (date != null && (newest == null || date.isAfter(newest))) {
                    newest = date;
                }
            }
        }
        return newest;
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
