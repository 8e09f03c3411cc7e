package org.egovmonitor.crawler.measure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.parse.MessageState;

/**
 * One site's measurement: what `measure --json` prints (one JSON object per line) and what the observation store
 * keeps. Field names are the public contract of the CLI; dates serialise as YYYY-MM-DD.
 *
 * @param url             the site root that was asked for
 * @param finalUrl        the homepage URL after redirects (null when nothing answered)
 * @param kind            the site kind the measurement was judged as (PORTAL, DEPARTMENT, COUNTY, TOWNSHIP_PAGE)
 * @param reachable       whether the homepage produced a whole HTML response
 * @param status          the homepage's HTTP status (0 when no response)
 * @param responseMs      homepage fetch time
 * @param charset         the charset the homepage was decoded with
 * @param errorKind       the homepage's error kind when not reachable, else null
 * @param homepage        homepage freshness
 * @param sections        one entry per classified section, in homepage order
 * @param missingFamilies required families (for the kind) that no section was classified into
 * @param brokenLinks     homepage links that failed their check
 * @param pagesFetched    number of GET fetches done for this site (homepage, sections, message pages)
 * @param errors          every fetch of this site that ended in an error kind
 * @param contentHash     SHA-256 (hex) of the homepage's main text, to see change on sites that show no dates
 * @param measuredOn      the "now" the measurement was judged against
 * @param fetches         every GET of this site, in the order they were made (homepage first): the crawl's evidence
 * @param linkChecks      every homepage link checked (broken or not), in homepage order
 * @param linksNotChecked distinct homepage links left unchecked because the per-site link-check limit was reached
 * @param checks          the inspection checks' results (crawlers/checks.yml), in check order; empty when the
 *                        engine ran none or the homepage was unreachable
 */
public record SiteMeasurement(
        String url,
        String finalUrl,
        String kind,
        boolean reachable,
        int status,
        long responseMs,
        String charset,
        String errorKind,
        Homepage homepage,
        List<Section> sections,
        List<String> missingFamilies,
        List<BrokenLink> brokenLinks,
        int pagesFetched,
        List<CrawlError> errors,
        String contentHash,
        LocalDate measuredOn,
        List<Fetch> fetches,
        List<LinkCheck> linkChecks,
        int linksNotChecked,
        List<CheckResult> checks) {

    /**
     * How many distinct homepage links were checked, of how many found ({@code measure --json}: {@code "linkSample":
     * {"found": N, "checked": M, "sampled": true, "label": "检查了 N 条链接中的 M 条（抽样）"}}).
     */
    @JsonProperty("linkSample")
    public LinkSample linkSample() {
        return new LinkSample(linkChecks.size() + linksNotChecked, linkChecks.size());
    }

    public SiteMeasurement {
        sections = List.copyOf(sections);
        missingFamilies = List.copyOf(missingFamilies);
        brokenLinks = List.copyOf(brokenLinks);
        errors = List.copyOf(errors);
        fetches = fetches == null ? List.of() : List.copyOf(fetches);
        linkChecks = linkChecks == null ? List.of() : List.copyOf(linkChecks);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A measurement without inspection checks. */
    public SiteMeasurement(String url, String finalUrl, String kind, boolean reachable, int status, long responseMs,
                           String charset, String errorKind, Homepage homepage, List<Section> sections,
                           List<String> missingFamilies, List<BrokenLink> brokenLinks, int pagesFetched,
                           List<CrawlError> errors, String contentHash, LocalDate measuredOn, List<Fetch> fetches,
                           List<LinkCheck> linkChecks, int linksNotChecked) {
        this(url, finalUrl, kind, reachable, status, responseMs, charset, errorKind, homepage, sections,
                missingFamilies, brokenLinks, pagesFetched, errors, contentHash, measuredOn, fetches, linkChecks,
                linksNotChecked, null);
    }

    /** The result of check {@code id}, if it ran. */
    public java.util.Optional<CheckResult> check(String id) {
        return checks.stream().filter(c -> c.check().equals(id)).findFirst();
    }

    /** A measurement without per-fetch records and link-check details (built by callers other than the engine). */
    public SiteMeasurement(String url, String finalUrl, String kind, boolean reachable, int status, long responseMs,
                           String charset, String errorKind, Homepage homepage, List<Section> sections,
                           List<String> missingFamilies, List<BrokenLink> brokenLinks, int pagesFetched,
                           List<CrawlError> errors, String contentHash, LocalDate measuredOn) {
        this(url, finalUrl, kind, reachable, status, responseMs, charset, errorKind, homepage, sections,
                missingFamilies, brokenLinks, pagesFetched, errors, contentHash, measuredOn, null, null, 0, null);
    }

    /**
     * @param newestDate newest dated item on the homepage (or, for a navigation-only homepage, on its
     *                   second-level pages); null when there is none
     * @param datedItems number of dated items counted
     * @param navOnly    true when the homepage itself carries no dated items and was judged by its second level
     * @param entries    the dated entries counted (one per distinct link), the evidence behind newestDate
     */
    public record Homepage(LocalDate newestDate, int datedItems, boolean navOnly, List<Entry> entries) {
        public Homepage {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /**
     * @param family        the section family id (e.g. "news", "notices")
     * @param title         the navigation link text, as decoded
     * @param url           the section page URL
     * @param status        HTTP status of the section page (0 when no response)
     * @param newestDate    newest dated item in the list, or null
     * @param items         number of list items (dated or not)
     * @param itemsInWindow dated items within the family's freshness window (0 for families without a window), as
     *                      counted with the window of the crawl day; scoring counts {@code entryDates} with the
     *                      window of the scoring run instead, and reads this only when those are unknown
     * @param blank         no items at all, or only a placeholder such as 暂无信息 (a page that could not be fetched
     *                      is not blank: its status and the measurement's errors say what happened)
     * @param entries       the list's entries in page order (dated or not): the evidence for freshness and volume
     * @param messages      for an interactive section (信箱, 留言), the messages read from its list and, where the list
     *                      left their state or reply date open, from their own pages; in list order. Entries showing
     *                      neither when they were asked nor what became of them are not messages and are left out
     * @param children      the column tree one level down: the sub-columns (子栏目) of a column index page or of the
     *                      政府信息公开 platform, each read as a list of its own, in page order. When there are
     *                      children, {@code newestDate} is the newest of the section's own list and its children's,
     *                      and the section is blank only when its own list and every child's list are empty
     * @param childrenNotFetched sub-columns found but left unread because the per-site page budget
     *                      ({@code maxPagesPerSite}) ran out: the tree was cut short when this is above 0
     * @param entryDates    the dates of the dated entries of its own list, in page order: what scoring counts the
     *                      items in the family's window from, with the window in force at score time (so it is kept
     *                      when retention deletes the entries). Null when not known: a measurement stored before
     *                      the dates were kept, or a section built from counts only; scoring then falls back to
     *                      {@code itemsInWindow}. Not printed by {@code measure --json}: {@code entries} show them
     * @param listHash      for a list that shows no dates (entries, none dated): the SHA-256 of its entries' titles
     *                      and URLs, order-insensitive ({@link #listHashOf}), by which a change is seen across rounds;
     *                      null otherwise
     * @param unchangedSince for a section with a {@code listHash}, once stored: the first day of the run of rounds
     *                      that saw this list unchanged at this URL (the measured day when it changed or is new).
     *                      Section freshness reads it as the newest day of a section without dated items. Null before
     *                      the measurement is stored, and for sections without a hash
     */
    public record Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                          int itemsInWindow, boolean blank, List<Entry> entries, List<Message> messages,
                          List<Child> children, int childrenNotFetched, @JsonIgnore List<LocalDate> entryDates,
                          String listHash, LocalDate unchangedSince) {
        public Section {
            entries = entries == null ? List.of() : List.copyOf(entries);
            messages = messages == null ? List.of() : List.copyOf(messages);
            children = children == null ? List.of() : List.copyOf(children);
            entryDates = entryDates == null ? null : List.copyOf(entryDates);
        }

        /** A section as read by the engine: its list hash follows from its entries, its unchangedSince is not known. */
        public Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                       int itemsInWindow, boolean blank, List<Entry> entries, List<Message> messages,
                       List<Child> children, int childrenNotFetched, List<LocalDate> entryDates) {
            this(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, messages, children,
                    childrenNotFetched, entryDates, listHashOf(entries), null);
        }

        /**
         * The hash of a list that shows no dates: SHA-256 (hex) of its entries' {@code title TAB url} lines, sorted,
         * so a list that only reorders is unchanged and one entry added, removed or renamed is a change. Null when
         * the list is empty or any entry is dated (its dates say when it changed).
         */
        public static String listHashOf(List<Entry> entries) {
            if (entries == null || entries.isEmpty() || entries.stream().anyMatch(e -> e.date() != null)) {
                return null;
            }
            List<String> lines = new java.util.ArrayList<>(entries.size());
            for (Entry e : entries) {
                lines.add(e.title() + "\t" + (e.url() == null ? "" : e.url()));
            }
            java.util.Collections.sort(lines);
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String line : lines) {
                    sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        /** This section as stored: with the first day its list was seen unchanged. */
        public Section withUnchangedSince(LocalDate day) {
            return new Section(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, messages,
                    children, childrenNotFetched, entryDates, listHash, day);
        }

        /** A section whose entry dates are not known (see {@code entryDates}). */
        public Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                       int itemsInWindow, boolean blank, List<Entry> entries, List<Message> messages,
                       List<Child> children, int childrenNotFetched) {
            this(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, messages, children,
                    childrenNotFetched, null);
        }

        /** The dates of the dated ones of {@code entries}, in order: a section's {@code entryDates}. */
        public static List<LocalDate> datesOf(List<Entry> entries) {
            return entries.stream().map(Entry::date).filter(d -> d != null).toList();
        }

        /** This section with other messages. */
        public Section withMessages(List<Message> other) {
            return new Section(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, other,
                    children, childrenNotFetched, entryDates, listHash, unchangedSince);
        }

        /** A section without sub-columns. */
        public Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                       int itemsInWindow, boolean blank, List<Entry> entries, List<Message> messages) {
            this(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, messages, List.of(),
                    0);
        }

        /** A section without messages (not interactive, or built by callers other than the engine). */
        public Section(String family, String title, String url, int status, LocalDate newestDate, int items,
                       int itemsInWindow, boolean blank, List<Entry> entries) {
            this(family, title, url, status, newestDate, items, itemsInWindow, blank, entries, List.of());
        }
    }

    /**
     * A sub-column (子栏目) of a section: read like a section, judged against its parent's family window.
     *
     * @param title         its link text on the parent's page, as decoded
     * @param url           its list page
     * @param status        HTTP status of its page (0 when no response)
     * @param newestDate    newest dated item in its list, or null
     * @param items         number of list items (dated or not)
     * @param itemsInWindow dated items within the parent family's window (0 for families without a window), as
     *                      counted with the window of the crawl day: shown, not scored
     * @param blank         no items at all, or only a placeholder (a page that could not be fetched is not blank)
     */
    public record Child(String title, String url, int status, LocalDate newestDate, int items, int itemsInWindow,
                        boolean blank) {
    }

    /** A list entry: its link text, its URL (null when not a usable http(s) link) and its date (null when none). */
    public record Entry(String title, String url, LocalDate date) {
    }

    /**
     * A message (信件, 留言) of an interactive section.
     *
     * @param title      its link text
     * @param url        its own page (null when its link is not a usable http(s) URL)
     * @param askedOn    the day it was asked, or null when the site does not show it
     * @param answeredOn the day it was answered, or null: unanswered, or answered without a published reply date
     * @param state      ANSWERED, PENDING or UNKNOWN, as the site shows it
     */
    public record Message(String title, String url, LocalDate askedOn, LocalDate answeredOn, MessageState state) {
    }

    /**
     * One GET of this site.
     *
     * @param purpose   HOMEPAGE, ENTRY (a hop from a splash, frameset, wrapper or redirect homepage to the real one, or
     *                  another frame of it), SECTION, MESSAGE (a message's own page), SUBCOLUMN (a section's
     *                  sub-column) or CHECK (a page an inspection check asked for: a guide, an article, a probe)
     * @param charset   the charset the body was decoded with, null when no body was used
     * @param errorKind the {@link org.egovmonitor.crawler.fetch.FetchErrorKind} name, null when the fetch succeeded
     * @param sha256    the SHA-256 (hex) of the body bytes received, the key of the page's evidence snapshot; null
     *                  when no body was received
     */
    public record Fetch(String url, String finalUrl, String purpose, int status, long responseMs, long bytes,
                        String charset, String errorKind, String sha256) {

        /** A fetch without a snapshot. */
        public Fetch(String url, String finalUrl, String purpose, int status, long responseMs, long bytes,
                     String charset, String errorKind) {
            this(url, finalUrl, purpose, status, responseMs, bytes, charset, errorKind, null);
        }
    }

    /** One homepage link check: status (0 when no response), error kind (null when none) and the verdict. */
    public record LinkCheck(String url, int status, String error, boolean broken) {
    }

    /** A homepage link whose check failed: status when a response came, error kind otherwise. */
    public record BrokenLink(String url, Integer status, String error) {
    }

    public record CrawlError(String url, String kind) {
    }
}
