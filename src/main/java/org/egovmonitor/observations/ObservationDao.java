package org.egovmonitor.observations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.crawler.parse.MessageState;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * SQL of the observation store (V4__observations.sql, V9__messages.sql, V11__section_children.sql,
 * V15__section_entry_dates.sql); see ObservationStore
 * for transactions.
 */
@RegisterConstructorMapper(ObservationDao.MeasurementRow.class)
@RegisterConstructorMapper(ObservationDao.FetchRow.class)
@RegisterConstructorMapper(ObservationDao.SectionRow.class)
@RegisterConstructorMapper(ObservationDao.ItemRow.class)
@RegisterConstructorMapper(ObservationDao.LinkCheckRow.class)
@RegisterConstructorMapper(ObservationDao.MessageRow.class)
@RegisterConstructorMapper(ObservationDao.ChildRow.class)
@RegisterConstructorMapper(ObservationDao.CheckRow.class)
public interface ObservationDao {

    /** A measurements row, as inserted and as read back. */
    record MeasurementRow(long id, String taskKey, long siteId, OffsetDateTime measuredAt, LocalDate measuredOn,
                          String url, String finalUrl, String kind, boolean reachable, int status, long responseMs,
                          String charset, String errorKind, LocalDate homepageNewestDate, int homepageDatedItems,
                          boolean homepageNavOnly, List<String> missingFamilies, int pagesFetched,
                          int linksNotChecked, String contentHash) {
    }

    /** {@code sha256} names the body's evidence snapshot (V19); null when no body, or stored before V19. */
    record FetchRow(int seq, String url, String finalUrl, String purpose, int status, long responseMs, long bytes,
                    String charset, String errorKind, String sha256) {
    }

    /** A check result (V19 measurement_checks); problems and metrics as JSON text. */
    record CheckRow(int seq, String checkId, String outcome, String summary, String problems, String metrics) {
    }

    /**
     * {@code entryDates} is null for sections stored before V15 (see V15__section_entry_dates.sql); {@code listHash}
     * and {@code unchangedSince} for lists that show dates and sections stored before V20 (V20__section_list_hash.sql).
     */
    record SectionRow(int seq, String family, String title, String url, int status, LocalDate newestDate, int items,
                      int itemsInWindow, boolean blank, int childrenNotFetched, List<LocalDate> entryDates,
                      String listHash, LocalDate unchangedSince) {
    }

    /** The newest earlier sighting of an undated list at a URL of a site: its hash and since when it was unchanged. */
    record ListSighting(String url, String listHash, LocalDate unchangedSince) {
    }

    record ChildRow(int sectionSeq, int seq, String title, String url, int status, LocalDate newestDate, int items,
                    int itemsInWindow, boolean blank) {
    }

    record ItemRow(Integer sectionSeq, int seq, String title, String url, LocalDate itemDate) {
    }

    record LinkCheckRow(int seq, String url, int status, String errorKind, boolean broken) {
    }

    record MessageRow(int sectionSeq, int seq, String title, String url, LocalDate askedOn, LocalDate answeredOn,
                      MessageState state) {
    }

    /** Inserts the measurement unless its task key exists; empty when it does (nothing written). */
    @SqlQuery("""
            INSERT INTO measurements (task_key, site_id, measured_at, measured_on, url, final_url, kind, reachable,
                                      status, response_ms, charset, error_kind, homepage_newest_date,
                                      homepage_dated_items, homepage_nav_only, missing_families, pages_fetched,
                                      links_not_checked, content_hash)
            VALUES (:taskKey, :siteId, :measuredAt, :measuredOn, :url, :finalUrl, :kind, :reachable,
                    :status, :responseMs, :charset, :errorKind, :homepageNewestDate,
                    :homepageDatedItems, :homepageNavOnly, :missingFamilies, :pagesFetched,
                    :linksNotChecked, :contentHash)
            ON CONFLICT (task_key) DO NOTHING
            RETURNING id
            """)
    Optional<Long> insertMeasurement(@BindMethods MeasurementRow row);

    @SqlBatch("""
            INSERT INTO measurement_fetches (measurement_id, seq, url, final_url, purpose, status, response_ms, bytes,
                                             charset, error_kind, sha256)
            VALUES (:id, :seq, :url, :finalUrl, :purpose, :status, :responseMs, :bytes, :charset, :errorKind,
                    :sha256)
            """)
    void insertFetches(@Bind("id") long measurementId, @BindMethods List<FetchRow> rows);

    @SqlBatch("""
            INSERT INTO measurement_sections (measurement_id, seq, family, title, url, status, newest_date, items,
                                              items_in_window, blank, children_not_fetched, entry_dates, list_hash,
                                              unchanged_since)
            VALUES (:id, :seq, :family, :title, :url, :status, :newestDate, :items, :itemsInWindow, :blank,
                    :childrenNotFetched, :entryDates, :listHash, :unchangedSince)
            """)
    void insertSections(@Bind("id") long measurementId, @BindMethods List<SectionRow> rows);

    /**
     * Per URL of {@code urls}, the newest sighting of an undated list there in the site's measurements taken at or
     * before {@code before}: a round whose list could not be read (no hash) does not reset the run.
     */
    @SqlQuery("""
            SELECT DISTINCT ON (s.url) s.url, s.list_hash, s.unchanged_since
              FROM measurement_sections s JOIN measurements m ON m.id = s.measurement_id
             WHERE m.site_id = :siteId AND m.measured_at <= :before AND s.list_hash IS NOT NULL
               AND s.url = ANY(:urls)
             ORDER BY s.url, m.measured_at DESC, m.id DESC
            """)
    @RegisterConstructorMapper(ListSighting.class)
    List<ListSighting> listSightings(@Bind("siteId") long siteId, @Bind("before") OffsetDateTime before,
                                     @Bind("urls") String[] urls);

    @SqlBatch("""
            INSERT INTO measurement_section_children (measurement_id, section_seq, seq, title, url, status,
                                                      newest_date, items, items_in_window, blank)
            VALUES (:id, :sectionSeq, :seq, :title, :url, :status, :newestDate, :items, :itemsInWindow, :blank)
            """)
    void insertChildren(@Bind("id") long measurementId, @BindMethods List<ChildRow> rows);

    @SqlBatch("""
            INSERT INTO measurement_items (measurement_id, section_seq, seq, title, url, item_date)
            VALUES (:id, :sectionSeq, :seq, :title, :url, :itemDate)
            """)
    void insertItems(@Bind("id") long measurementId, @BindMethods List<ItemRow> rows);

    @SqlBatch("""
            INSERT INTO measurement_link_checks (measurement_id, seq, url, status, error_kind, broken)
            VALUES (:id, :seq, :url, :status, :errorKind, :broken)
            """)
    void insertLinkChecks(@Bind("id") long measurementId, @BindMethods List<LinkCheckRow> rows);

    @SqlBatch("""
            INSERT INTO measurement_messages (measurement_id, section_seq, seq, title, url, asked_on, answered_on,
                                              state)
            VALUES (:id, :sectionSeq, :seq, :title, :url, :askedOn, :answeredOn, :state)
            """)
    void insertMessages(@Bind("id") long measurementId, @BindMethods List<MessageRow> rows);

    @SqlQuery("""
            SELECT * FROM measurements
             WHERE site_id = :siteId
             ORDER BY measured_at DESC, id DESC
             LIMIT :limit
            """)
    List<MeasurementRow> recent(@Bind("siteId") long siteId, @Bind("limit") int limit);

    @SqlQuery("SELECT * FROM measurements WHERE id = :id")
    Optional<MeasurementRow> find(@Bind("id") long id);

    @SqlQuery("SELECT * FROM measurement_fetches WHERE measurement_id = :id ORDER BY seq")
    List<FetchRow> fetches(@Bind("id") long measurementId);

    @SqlQuery("SELECT * FROM measurement_sections WHERE measurement_id = :id ORDER BY seq")
    List<SectionRow> sections(@Bind("id") long measurementId);

    @SqlQuery("SELECT * FROM measurement_items WHERE measurement_id = :id ORDER BY section_seq NULLS FIRST, seq")
    List<ItemRow> items(@Bind("id") long measurementId);

    @SqlQuery("SELECT * FROM measurement_messages WHERE measurement_id = :id ORDER BY section_seq, seq")
    List<MessageRow> messages(@Bind("id") long measurementId);

    @SqlQuery("SELECT * FROM measurement_section_children WHERE measurement_id = :id ORDER BY section_seq, seq")
    List<ChildRow> children(@Bind("id") long measurementId);

    @SqlQuery("SELECT * FROM measurement_link_checks WHERE measurement_id = :id ORDER BY seq")
    List<LinkCheckRow> linkChecks(@Bind("id") long measurementId);

    /** The newest measurement of every site measured on or before {@code day}: one index probe per site. */
    @SqlQuery("""
            SELECT m.*
              FROM sites s
             CROSS JOIN LATERAL (SELECT * FROM measurements
                                  WHERE site_id = s.id AND measured_on <= :day
                                  ORDER BY measured_at DESC, id DESC
                                  LIMIT 1) m
             ORDER BY m.site_id
            """)
    List<MeasurementRow> latestOnOrBefore(@Bind("day") LocalDate day);

    // Child rows of many measurements at once, each with the measurement it belongs to (bulk rebuilds).

    record OwnedFetch(long measurementId, @Nested FetchRow row) {
    }

    record OwnedSection(long measurementId, @Nested SectionRow row) {
    }

    record OwnedItem(long measurementId, @Nested ItemRow row) {
    }

    record OwnedMessage(long measurementId, @Nested MessageRow row) {
    }

    record OwnedLinkCheck(long measurementId, @Nested LinkCheckRow row) {
    }

    record OwnedChild(long measurementId, @Nested ChildRow row) {
    }

    @SqlQuery("""
            SELECT * FROM measurement_section_children WHERE measurement_id = ANY(:ids)
             ORDER BY measurement_id, section_seq, seq
            """)
    @RegisterConstructorMapper(OwnedChild.class)
    List<OwnedChild> childrenOf(@Bind("ids") Long[] measurementIds);

    @SqlQuery("SELECT * FROM measurement_fetches WHERE measurement_id = ANY(:ids) ORDER BY measurement_id, seq")
    @RegisterConstructorMapper(OwnedFetch.class)
    List<OwnedFetch> fetchesOf(@Bind("ids") Long[] measurementIds);

    @SqlQuery("SELECT * FROM measurement_sections WHERE measurement_id = ANY(:ids) ORDER BY measurement_id, seq")
    @RegisterConstructorMapper(OwnedSection.class)
    List<OwnedSection> sectionsOf(@Bind("ids") Long[] measurementIds);

    @SqlQuery("""
            SELECT * FROM measurement_items WHERE measurement_id = ANY(:ids)
             ORDER BY measurement_id, section_seq NULLS FIRST, seq
            """)
    @RegisterConstructorMapper(OwnedItem.class)
    List<OwnedItem> itemsOf(@Bind("ids") Long[] measurementIds);

    @SqlQuery("""
            SELECT * FROM measurement_messages WHERE measurement_id = ANY(:ids)
             ORDER BY measurement_id, section_seq, seq
            """)
    @RegisterConstructorMapper(OwnedMessage.class)
    List<OwnedMessage> messagesOf(@Bind("ids") Long[] measurementIds);

    @SqlQuery("SELECT * FROM measurement_link_checks WHERE measurement_id = ANY(:ids) ORDER BY measurement_id, seq")
    @RegisterConstructorMapper(OwnedLinkCheck.class)
    List<OwnedLinkCheck> linkChecksOf(@Bind("ids") Long[] measurementIds);

    /**
     * The broken link checks retention kept (V13 site_daily_facts.last_broken, a JSON array) of those of the
     * measurements whose raw link checks it rolled up and deleted.
     */
    @SqlQuery("""
            SELECT last_measurement_id AS measurement_id, last_broken::text AS broken_json
              FROM site_daily_facts
             WHERE last_measurement_id = ANY(:ids)
            """)
    @RegisterConstructorMapper(RolledUpLinkChecks.class)
    List<RolledUpLinkChecks> rolledUpLinkChecksOf(@Bind("ids") Long[] measurementIds);

    record RolledUpLinkChecks(long measurementId, String brokenJson) {
    }

    // Inspection check results (V19).

    @SqlBatch("""
            INSERT INTO measurement_checks (measurement_id, seq, check_id, outcome, summary, problems, metrics)
            VALUES (:id, :seq, :checkId, :outcome, :summary, CAST(:problems AS jsonb), CAST(:metrics AS jsonb))
            """)
    void insertChecks(@Bind("id") long measurementId, @BindMethods List<CheckRow> rows);

    @SqlQuery("""
            SELECT seq, check_id, outcome, summary, problems::text AS problems, metrics::text AS metrics
              FROM measurement_checks WHERE measurement_id = :id ORDER BY seq
            """)
    List<CheckRow> checks(@Bind("id") long measurementId);

    record OwnedCheck(long measurementId, @Nested CheckRow row) {
    }

    @SqlQuery("""
            SELECT measurement_id, seq, check_id, outcome, summary, problems::text AS problems,
                   metrics::text AS metrics
              FROM measurement_checks WHERE measurement_id = ANY(:ids) ORDER BY measurement_id, seq
            """)
    @RegisterConstructorMapper(OwnedCheck.class)
    List<OwnedCheck> checksOf(@Bind("ids") Long[] measurementIds);

    /** The fetches that have a snapshot, of many measurements: what scoring attaches snapshots to findings from. */
    @SqlQuery("""
            SELECT * FROM measurement_fetches WHERE measurement_id = ANY(:ids) AND sha256 IS NOT NULL
             ORDER BY measurement_id, seq
            """)
    @RegisterConstructorMapper(OwnedFetch.class)
    List<OwnedFetch> snapshotFetchesOf(@Bind("ids") Long[] measurementIds);

    /**
     * The fetches with a snapshot that retention kept (V19 site_daily_facts.last_snapshots, a JSON array) of those of
     * the measurements whose fetch records it rolled up and deleted.
     */
    @SqlQuery("""
            SELECT last_measurement_id AS measurement_id, last_snapshots::text AS snapshots_json
              FROM site_daily_facts
             WHERE last_measurement_id = ANY(:ids)
            """)
    @RegisterConstructorMapper(RolledUpSnapshots.class)
    List<RolledUpSnapshots> rolledUpSnapshotsOf(@Bind("ids") Long[] measurementIds);

    record RolledUpSnapshots(long measurementId, String snapshotsJson) {
    }

    @SqlQuery("SELECT count(*) FROM measurements WHERE task_key = :taskKey")
    int countByTaskKey(@Bind("taskKey") String taskKey);
}
