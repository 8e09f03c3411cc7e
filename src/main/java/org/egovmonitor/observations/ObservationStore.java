package org.egovmonitor.observations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.BrokenLink;
import org.egovmonitor.crawler.measure.SiteMeasurement.Child;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.LinkCheck;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.observations.ObservationDao.CheckRow;
import org.egovmonitor.observations.ObservationDao.ChildRow;
import org.egovmonitor.observations.ObservationDao.FetchRow;
import org.egovmonitor.observations.ObservationDao.ItemRow;
import org.egovmonitor.observations.ObservationDao.LinkCheckRow;
import org.egovmonitor.observations.ObservationDao.MeasurementRow;
import org.egovmonitor.observations.ObservationDao.MessageRow;
import org.egovmonitor.observations.ObservationDao.SectionRow;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only store of what crawls saw (fetches, sections, items, link checks), on PostgreSQL (tables of {@code V4__observations.sql}, {@code V9__messages.sql} and
 * {@code V11__section_children.sql}, {@code V15__section_entry_dates.sql}). A save
 * is one transaction: the measurement row is inserted with {@code ON CONFLICT (task_key) DO NOTHING}, so of two saves
 * of the same task key — also concurrent ones, which the unique index serialises — exactly one writes and the other
 * returns false having written nothing, its sections, items, messages and fetches included. Thread-safe.
 *
 * <p>Read side: {@link #latest} rebuilds the newest measurement of a site as a {@link SiteMeasurement} equal to the
 * one saved (errors are rebuilt from the failed fetches); {@link #history} lists a site's measurements over time.
 * A measurement older than {@code retention.rawDays} has lost its list entries, fetch records and link checks to
 * retention (RetentionService); it is rebuilt with the broken link checks the roll-up kept, so scoring judges it as
 * before.
 */
public final class ObservationStore {

    /** Measurements rebuilt per round trip set by {@link #latestOnOrBefore}: bounds the rows held at once. */
    private static final int BULK_BATCH = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final EvidenceStore evidence;

    public ObservationStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.evidence = new EvidenceStore(jdbi);
    }

    /** The evidence snapshots of the pages the crawls fetched (what the crawl hands each page's bytes to). */
    public EvidenceStore evidence() {
        return evidence;
    }

    /**
     * Saves {@code m} of site {@code siteId} as the result of task {@code taskKey} (e.g. {@code crawl-item:42}), so
     * that a retried or re-run task never stores it twice.
     *
     * @return true when stored; false when a measurement for this task key already exists (nothing is written)
     */
    public boolean save(String taskKey, long siteId, SiteMeasurement m, Instant measuredAt) {
        if (taskKey == null || taskKey.isBlank()) {
            throw new IllegalArgumentException("taskKey must not be blank");
        }
        Objects.requireNonNull(m, "measurement");
        Objects.requireNonNull(measuredAt, "measuredAt");
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            Homepage home = m.homepage();
            Optional<Long> id = dao.insertMeasurement(new MeasurementRow(0, taskKey, siteId,
                    measuredAt.atOffset(java.time.ZoneOffset.UTC), m.measuredOn(), m.url(), m.finalUrl(), m.kind(),
                    m.reachable(), m.status(), m.responseMs(), m.charset(), m.errorKind(), home.newestDate(),
                    home.datedItems(), home.navOnly(), m.missingFamilies(), m.pagesFetched(), m.linksNotChecked(),
                    m.contentHash()));
            if (id.isEmpty()) {
                return false;
            }
            long mid = id.get();
            List<FetchRow> fetches = new ArrayList<>();
            for (Fetch f : m.fetches()) {
                fetches.add(new FetchRow(fetches.size(), f.url(), f.finalUrl(), f.purpose(), f.status(),
                        f.responseMs(), f.bytes(), f.charset(), f.errorKind(), f.sha256()));
            }
            List<CheckRow> checkResults = new ArrayList<>();
            for (CheckResult c : m.checks()) {
                checkResults.add(new CheckRow(checkResults.size(), c.check(), c.outcome().name(), c.summary(),
                        json(c.problems()), json(c.metrics())));
            }
            Map<String, LocalDate> unchanged = unchangedSince(dao, siteId, m, measuredAt);
            List<SectionRow> sections = new ArrayList<>();
            List<ItemRow> items = new ArrayList<>();
            List<MessageRow> messages = new ArrayList<>();
            List<ChildRow> children = new ArrayList<>();
            for (Entry e : home.entries()) {
                items.add(new ItemRow(null, items.size(), e.title(), e.url(), e.date()));
            }
            for (Section s : m.sections()) {
                int seq = sections.size();
                sections.add(new SectionRow(seq, s.family(), s.title(), s.url(), s.status(), s.newestDate(),
                        s.items(), s.itemsInWindow(), s.blank(), s.childrenNotFetched(), s.entryDates(), s.listHash(),
                        s.listHash() == null ? null : unchanged.get(s.url())));
                int k = 0;
                for (Child c : s.children()) {
                    children.add(new ChildRow(seq, k++, c.title(), c.url(), c.status(), c.newestDate(), c.items(),
                            c.itemsInWindow(), c.blank()));
                }
                int i = 0;
                for (Entry e : s.entries()) {
                    items.add(new ItemRow(seq, i++, e.title(), e.url(), e.date()));
                }
                int j = 0;
                for (Message msg : s.messages()) {
                    messages.add(new MessageRow(seq, j++, msg.title(), msg.url(), msg.askedOn(), msg.answeredOn(),
                            msg.state()));
                }
            }
            List<LinkCheckRow> checks = new ArrayList<>();
            for (LinkCheck c : m.linkChecks()) {
                checks.add(new LinkCheckRow(checks.size(), c.url(), c.status(), c.error(), c.broken()));
            }
            dao.insertFetches(mid, fetches);
            dao.insertSections(mid, sections);
            dao.insertChildren(mid, children);
            dao.insertItems(mid, items);
            dao.insertMessages(mid, messages);
            dao.insertLinkChecks(mid, checks);
            dao.insertChecks(mid, checkResults);
            return true;
        });
    }

    /** The newest measurement of a site, rebuilt whole; empty when the site has none. */
    public Optional<StoredMeasurement> latest(long siteId) {
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            return dao.recent(siteId, 1).stream().findFirst().map(row -> rebuild(dao, row));
        });
    }

    /** One stored measurement by id, rebuilt whole. */
    public Optional<StoredMeasurement> find(long measurementId) {
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            return dao.find(measurementId).map(row -> rebuild(dao, row));
        });
    }

    /** A site's measurements, newest first, at most {@code limit}. */
    public List<MeasurementSummary> history(long siteId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return jdbi.withExtension(ObservationDao.class, dao -> dao.recent(siteId, limit)).stream()
                .map(r -> new MeasurementSummary(r.id(), r.taskKey(), r.measuredAt().toInstant(), r.measuredOn(),
                        r.reachable(), r.status(), r.errorKind(), r.responseMs(), r.homepageNewestDate(),
                        r.homepageDatedItems(), r.homepageNavOnly(), List.copyOf(r.missingFamilies()),
                        r.pagesFetched(), r.contentHash()))
                .toList();
    }

    /** How much of a measurement a bulk read rebuilds. */
    public enum Detail {
        /** Everything, as {@link #find} does. */
        WHOLE,
        /**
         * What scoring judges: without the list entries and the fetch records (the bulk of the rows: ~250 entries a
         * site), which no indicator reads (the update volume counts a section's {@code entryDates}, kept on the
         * section row); sections, link checks and messages are whole.
         */
        FOR_SCORING
    }

    /**
     * The newest measurement of every site measured on or before {@code day} (site id → measurement): what scoring
     * reads for a day. A few queries per batch of measurements, not several per site, so that a city of 15,000 sites
     * is read in seconds.
     */
    public Map<Long, StoredMeasurement> latestOnOrBefore(LocalDate day, Detail detail) {
        boolean whole = detail == Detail.WHOLE;
        List<MeasurementRow> rows = jdbi.withExtension(ObservationDao.class, dao -> dao.latestOnOrBefore(day));
        Map<Long, StoredMeasurement> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += BULK_BATCH) {
            List<MeasurementRow> batch = rows.subList(from, Math.min(from + BULK_BATCH, rows.size()));
            Long[] ids = batch.stream().map(MeasurementRow::id).toArray(Long[]::new);
            jdbi.useTransaction(h -> {
                ObservationDao dao = h.attach(ObservationDao.class);
                Map<Long, List<FetchRow>> fetches = !whole ? Map.of() : byOwner(dao.fetchesOf(ids),
                        ObservationDao.OwnedFetch::measurementId, ObservationDao.OwnedFetch::row);
                // Scoring attaches the snapshots of the pages to its findings: the fetches that have one, as
                // evidence-only records, from the raw rows or, once retention deleted them, from its roll-up.
                Map<Long, List<Fetch>> evidenceOnly = new HashMap<>();
                if (!whole) {
                    byOwner(dao.snapshotFetchesOf(ids), ObservationDao.OwnedFetch::measurementId,
                            ObservationDao.OwnedFetch::row).forEach((id, owned) -> evidenceOnly.put(id,
                            owned.stream().map(f -> evidenceOnly(f.url(), f.finalUrl(), f.purpose(), f.status(),
                                    f.sha256())).toList()));
                }
                rolledUpSnapshots(dao, ids).forEach(evidenceOnly::putIfAbsent);
                Map<Long, List<CheckRow>> checkResults = byOwner(dao.checksOf(ids),
                        ObservationDao.OwnedCheck::measurementId, ObservationDao.OwnedCheck::row);
                Map<Long, List<SectionRow>> sections = byOwner(dao.sectionsOf(ids),
                        ObservationDao.OwnedSection::measurementId, ObservationDao.OwnedSection::row);
                Map<Long, List<ItemRow>> items = !whole ? Map.of() : byOwner(dao.itemsOf(ids),
                        ObservationDao.OwnedItem::measurementId, ObservationDao.OwnedItem::row);
                Map<Long, List<MessageRow>> messages = byOwner(dao.messagesOf(ids),
                        ObservationDao.OwnedMessage::measurementId, ObservationDao.OwnedMessage::row);
                Map<Long, List<LinkCheckRow>> checks = byOwner(dao.linkChecksOf(ids),
                        ObservationDao.OwnedLinkCheck::measurementId, ObservationDao.OwnedLinkCheck::row);
                checks.putAll(rolledUpLinkChecks(dao, ids));
                Map<Long, List<ChildRow>> children = byOwner(dao.childrenOf(ids),
                        ObservationDao.OwnedChild::measurementId, ObservationDao.OwnedChild::row);
                for (MeasurementRow r : batch) {
                    out.put(r.siteId(), rebuild(r, fetches.getOrDefault(r.id(), List.of()),
                            sections.getOrDefault(r.id(), List.of()), items.getOrDefault(r.id(), List.of()),
                            messages.getOrDefault(r.id(), List.of()), checks.getOrDefault(r.id(), List.of()),
                            children.getOrDefault(r.id(), List.of()), checkResults.getOrDefault(r.id(), List.of()),
                            evidenceOnly.getOrDefault(r.id(), List.of())));
                }
            });
        }
        return out;
    }

    private static <O, R> Map<Long, List<R>> byOwner(List<O> owned, ToLongFunction<O> owner, Function<O, R> row) {
        Map<Long, List<R>> out = new HashMap<>();
        for (O o : owned) {
            out.computeIfAbsent(owner.applyAsLong(o), k -> new ArrayList<>()).add(row.apply(o));
        }
        return out;
    }

    private static StoredMeasurement rebuild(ObservationDao dao, MeasurementRow r) {
        List<LinkCheckRow> checks = dao.linkChecks(r.id());
        List<LinkCheckRow> rolledUp = rolledUpLinkChecks(dao, new Long[] {r.id()}).get(r.id());
        return rebuild(r, dao.fetches(r.id()), dao.sections(r.id()), dao.items(r.id()), dao.messages(r.id()),
                rolledUp != null ? rolledUp : checks, dao.children(r.id()), dao.checks(r.id()),
                rolledUpSnapshots(dao, new Long[] {r.id()}).getOrDefault(r.id(), List.of()));
    }

    /**
     * Measurement id → the fetches with a snapshot retention kept (evidence-only records), for those of {@code ids}
     * whose fetch records it rolled up and deleted; read after the raw rows, as {@link #rolledUpLinkChecks}.
     */
    private static Map<Long, List<Fetch>> rolledUpSnapshots(ObservationDao dao, Long[] ids) {
        Map<Long, List<Fetch>> out = new HashMap<>();
        for (ObservationDao.RolledUpSnapshots r : dao.rolledUpSnapshotsOf(ids)) {
            List<Fetch> rows = new ArrayList<>();
            try {
                for (JsonNode f : JSON.readTree(r.snapshotsJson())) {
                    rows.add(evidenceOnly(f.path("url").asText(), textOrNull(f.path("finalUrl")),
                            f.path("purpose").asText(), f.path("status").asInt(), f.path("sha256").asText()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("rolled-up snapshots of measurement " + r.measurementId()
                        + " are unreadable", e);
            }
            if (!rows.isEmpty()) {
                out.put(r.measurementId(), rows);
            }
        }
        return out;
    }

    private static String textOrNull(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /**
     * A fetch record that only says which snapshot a page has (what scoring and retention keep of it): its time,
     * size, charset and error are not read by scoring and left out, so that the raw rows and the roll-up give equal
     * records.
     */
    private static Fetch evidenceOnly(String url, String finalUrl, String purpose, int status, String sha256) {
        return new Fetch(url, finalUrl, purpose, status, 0, 0, null, null, sha256);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check result does not serialise", e);
        }
    }

    private static final TypeReference<List<CheckProblem>> PROBLEMS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    private static CheckResult checkResult(CheckRow c) {
        try {
            return new CheckResult(c.checkId(), CheckOutcome.valueOf(c.outcome()), c.summary(),
                    JSON.readValue(c.problems(), PROBLEMS), JSON.readValue(c.metrics(), METRICS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check " + c.checkId() + " of a measurement is unreadable", e);
        }
    }

    /**
     * Measurement id → its link checks as retention kept them (only the broken ones: all that is read of them), for
     * those of {@code ids} whose raw link checks were rolled up and deleted. Read after the raw rows: retention
     * writes the roll-up and deletes the raw rows in one transaction, so a reader that missed the raw rows finds the
     * roll-up.
     */
    private static Map<Long, List<LinkCheckRow>> rolledUpLinkChecks(ObservationDao dao, Long[] ids) {
        Map<Long, List<LinkCheckRow>> out = new HashMap<>();
        for (ObservationDao.RolledUpLinkChecks r : dao.rolledUpLinkChecksOf(ids)) {
            List<LinkCheckRow> rows = new ArrayList<>();
            try {
                for (JsonNode c : JSON.readTree(r.brokenJson())) {
                    rows.add(new LinkCheckRow(rows.size(), c.path("url").asText(), c.path("status").asInt(),
                            c.path("error").isNull() ? null : c.path("error").asText(), true));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("rolled-up link checks of measurement " + r.measurementId()
                        + " are unreadable", e);
            }
            out.put(r.measurementId(), rows);
        }
        return out;
    }

    private static StoredMeasurement rebuild(MeasurementRow r, List<FetchRow> fetchRows, List<SectionRow> sectionRows,
                                             List<ItemRow> items, List<MessageRow> messages,
                                             List<LinkCheckRow> checkRows, List<ChildRow> childRows,
                                             List<CheckRow> checkResultRows, List<Fetch> evidenceOnly) {
        List<Fetch> fetches = fetchRows.stream().map(f -> new Fetch(f.url(), f.finalUrl(), f.purpose(),
                f.status(), f.responseMs(), f.bytes(), f.charset(), f.errorKind(), f.sha256())).toList();
        List<Entry> homeEntries = items.stream().filter(i -> i.sectionSeq() == null)
                .map(i -> new Entry(i.title(), i.url(), i.itemDate())).toList();
        List<Section> sections = sectionRows.stream().map(s -> new Section(s.family(), s.title(), s.url(),
                s.status(), s.newestDate(), s.items(), s.itemsInWindow(), s.blank(),
                items.stream().filter(i -> i.sectionSeq() != null && i.sectionSeq() == s.seq())
                        .map(i -> new Entry(i.title(), i.url(), i.itemDate())).toList(),
                messages.stream().filter(m -> m.sectionSeq() == s.seq())
                        .map(m -> new Message(m.title(), m.url(), m.askedOn(), m.answeredOn(), m.state())).toList(),
                childRows.stream().filter(c -> c.sectionSeq() == s.seq())
                        .map(c -> new Child(c.title(), c.url(), c.status(), c.newestDate(), c.items(),
                                c.itemsInWindow(), c.blank())).toList(),
                s.childrenNotFetched(), s.entryDates(), s.listHash(), s.unchangedSince()))
                .toList();
        List<LinkCheck> checks = checkRows.stream()
                .map(c -> new LinkCheck(c.url(), c.status(), c.errorKind(), c.broken())).toList();
        List<BrokenLink> broken = checks.stream().filter(LinkCheck::broken)
                .map(c -> new BrokenLink(c.url(), c.status() > 0 ? c.status() : null, c.error())).toList();
        List<CrawlError> errors = new ArrayList<>();
        fetches.stream().filter(f -> f.errorKind() != null)
                .forEach(f -> errors.add(new CrawlError(f.url(), f.errorKind())));
        if (errors.isEmpty() && fetches.isEmpty() && r.errorKind() != null) {
            errors.add(new CrawlError(r.url(), r.errorKind()));
        }
        SiteMeasurement m = new SiteMeasurement(r.url(), r.finalUrl(), r.kind(), r.reachable(), r.status(),
                r.responseMs(), r.charset(), r.errorKind(),
                new Homepage(r.homepageNewestDate(), r.homepageDatedItems(), r.homepageNavOnly(), homeEntries),
                sections, List.copyOf(r.missingFamilies()), broken, r.pagesFetched(), errors, r.contentHash(),
                r.measuredOn(), fetches.isEmpty() ? evidenceOnly : fetches, checks, r.linksNotChecked(),
                checkResultRows.stream().map(ObservationStore::checkResult).toList());
        return new StoredMeasurement(r.id(), r.taskKey(), r.siteId(), r.measuredAt().toInstant(), m);
    }

    /**
     * Change without dates (V20__section_list_hash.sql): per URL of an undated list of {@code m}, the first day of
     * the run of rounds that saw it unchanged — the newest earlier sighting's day when the hash is the same, else the
     * measured day.
     */
    private static Map<String, LocalDate> unchangedSince(ObservationDao dao, long siteId, SiteMeasurement m,
                                                         Instant measuredAt) {
        List<String> urls = m.sections().stream().filter(s -> s.listHash() != null && s.url() != null)
                .map(Section::url).distinct().toList();
        Map<String, LocalDate> out = new HashMap<>();
        if (urls.isEmpty()) {
            return out;
        }
        Map<String, ObservationDao.ListSighting> seen = new HashMap<>();
        for (ObservationDao.ListSighting s : dao.listSightings(siteId,
                measuredAt.atOffset(java.time.ZoneOffset.UTC), urls.toArray(String[]::new))) {
            seen.put(s.url(), s);
        }
        for (Section s : m.sections()) {
            if (s.listHash() == null || s.url() == null || out.containsKey(s.url())) {
                continue;
            }
            ObservationDao.ListSighting before = seen.get(s.url());
            boolean same = before != null && s.listHash().equals(before.listHash()) && before.unchangedSince() != null
                    && !before.unchangedSince().isAfter(m.measuredOn());
            out.put(s.url(), same ? before.unchangedSince() : m.measuredOn());
        }
        return out;
    }
}
