package org.egovmonitor.bench;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.ContributionSettings;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.retention.RetentionService;
import org.egovmonitor.retention.RetentionSettings;
import org.egovmonitor.scoring.DaySnapshot;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.StoredEvidenceSource;
import org.egovmonitor.scoring.StoredObservationFacts;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;

/**
 * Retention benchmark (docs/bench/retention.sh): N sites × M days of crawls as the engine stores them
 * (StoredScoringBench's generator: 11 sections of 20 entries, 20 homepage entries, 13 fetches, 20 link checks,
 * 10 messages), the observation tables' size per site per month before retention, then retention run with a clock
 * that puts every day past rawDays, and the size after it (after VACUUM, and after VACUUM FULL: the live data).
 * Also checks on the way that a rescore of the oldest day equals the snapshot taken before.
 */
public final class RetentionBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> TABLES = List.of("measurements", "measurement_sections",
            "measurement_section_children", "measurement_messages", "measurement_items", "measurement_fetches",
            "measurement_link_checks", "site_daily_facts");

    private RetentionBench() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rawDays = args.length > 2 ? Integer.parseInt(args[2]) : 90;
        LocalDate first = LocalDate.of(2024, 1, 1);
        LocalDate last = first.plusDays(days - 1L);
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        // Set-up only: the fill is written without waiting for each commit's flush (not what is measured).
        jdbi.useHandle(h -> h.execute("ALTER DATABASE " + db.name() + " SET synchronous_commit = off"));
        long t0 = System.nanoTime();
        List<Long> siteIds = StoredScoringBench.insertUnitsWithSites(jdbi, sites, i -> "DEPARTMENT",
                i -> "DEPARTMENTS", i -> "DEPARTMENT");
        ObservationStore store = new ObservationStore(jdbi);
        // The first day through the store, the others copied in SQL a day later each (dates shifted with them).
        for (int i = 0; i < siteIds.size(); i++) {
            store.save("bench:" + i, siteIds.get(i), StoredScoringBench.measurement(i, first),
                    first.atTime(2, 0).atZone(ZONE).toInstant());
        }
        for (int d = 1; d < days; d++) {
            copyDay(jdbi, first, d);
        }
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        System.err.printf(Locale.ROOT, "filled: %d sites × %d days = %d crawls (%d s)%n", sites, days,
                count(jdbi, "SELECT count(*) FROM measurements"), (System.nanoTime() - t0) / 1_000_000_000);
        report(jdbi, "before retention", sites, days);

        // A clock that puts the last day past rawDays: every day is rolled up.
        Clock clock = Clock.fixed(last.plusDays(rawDays + 1L).atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        RetentionSettings settings = new RetentionSettings();
        settings.setRawDays(rawDays);
        RetentionService retention = new RetentionService(jdbi, settings, clock);
        try (HttpPageFetcher unused = new HttpPageFetcher(FetchSettings.defaults())) {
            IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
            ScoreSnapshotService scoring = new ScoreSnapshotService(jdbi, new StoredEvidenceSource(jdbi, ZONE,
                    catalogue.probeWindowDays(), new StoredObservationFacts(jdbi, store,
                    new ContributionService(jdbi, unused, new ContributionSettings(), clock), ZONE)), catalogue,
                    StrictJsonModule.configure(Jackson.newObjectMapper()), clock);
            LocalDate scored = first.plusDays(days / 2);
            scoring.snapshot(scored);
            DaySnapshot before = scoring.stored(scored);

            System.err.println("dry run: " + retention.plan().describe());
            RetentionService.Result result = retention.run(RetentionService.Progress.NONE);
            System.err.println("run: " + result.describe());
            System.err.printf(Locale.ROOT, "retention: %d raw rows deleted in %.1f s (%.0f rows/s, batchRows %d)%n",
                    result.rowsDeleted(), result.millis() / 1000.0, result.rowsDeleted() * 1000.0
                            / Math.max(1, result.millis()), settings.getBatchRows());
            boolean equal = scoring.recompute(scored).equals(before);
            System.err.println("rescore of " + scored + " after retention equals its snapshot: " + equal);
            if (!equal) {
                System.exit(1);
            }
        }
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        report(jdbi, "after retention + VACUUM", sites, days);
        jdbi.useHandle(h -> h.execute("VACUUM FULL"));
        report(jdbi, "after retention + VACUUM FULL", sites, days);
        System.exit(0);
    }

    /** Day {@code d}: a copy of the first day's crawls and their rows, {@code d} days later. */
    private static void copyDay(Jdbi jdbi, LocalDate first, int d) {
        jdbi.useHandle(h -> h.createUpdate("""
                WITH ins AS (
                    INSERT INTO measurements (task_key, site_id, measured_at, measured_on, url, final_url, kind,
                                              reachable, status, response_ms, charset, error_kind,
                                              homepage_newest_date, homepage_dated_items, homepage_nav_only,
                                              missing_families, pages_fetched, links_not_checked, content_hash)
                    SELECT :d || ':' || id, site_id, measured_at + make_interval(days => :d), measured_on + :d, url,
                           final_url, kind, reachable, status, response_ms, charset, error_kind,
                           homepage_newest_date + :d, homepage_dated_items, homepage_nav_only, missing_families,
                           pages_fetched, links_not_checked, content_hash
                      FROM measurements WHERE measured_on = :first
                    RETURNING id, task_key),
                map AS (SELECT id AS new_id, split_part(task_key, ':', 2)::bigint AS old_id FROM ins),
                f AS (INSERT INTO measurement_fetches
                      SELECT m.new_id, seq, url, final_url, purpose, status, response_ms, bytes, charset, error_kind
                        FROM map m JOIN measurement_fetches x ON x.measurement_id = m.old_id),
                s AS (INSERT INTO measurement_sections
                      SELECT m.new_id, seq, family, title, url, status, newest_date + :d, items, items_in_window,
                             blank, children_not_fetched
                        FROM map m JOIN measurement_sections x ON x.measurement_id = m.old_id),
                c AS (INSERT INTO measurement_link_checks
                      SELECT m.new_id, seq, url, status, error_kind, broken
                        FROM map m JOIN measurement_link_checks x ON x.measurement_id = m.old_id),
                g AS (INSERT INTO measurement_messages
                      SELECT m.new_id, section_seq, seq, title, url, asked_on + :d, answered_on + :d, state
                        FROM map m JOIN measurement_messages x ON x.measurement_id = m.old_id)
                INSERT INTO measurement_items
                SELECT m.new_id, section_seq, seq, title, url, item_date + :d
                  FROM map m JOIN measurement_items x ON x.measurement_id = m.old_id
                """).bind("d", d).bind("first", first).execute());
    }

    private static void report(Jdbi jdbi, String when, int sites, int days) {
        long total = 0;
        StringBuilder parts = new StringBuilder();
        for (String table : TABLES) {
            long bytes = count(jdbi, "SELECT pg_total_relation_size('" + table + "')");
            long rows = count(jdbi, "SELECT count(*) FROM " + table);
            total += bytes;
            parts.append(String.format(Locale.ROOT, "  %-30s %,12d rows %10.1f MB%n", table, rows, bytes / 1e6));
        }
        double months = days / 30.0;
        System.out.printf(Locale.ROOT, "%s: observation tables %.1f MB = %.1f KB per site per month%n%s", when,
                total / 1e6, total / 1e3 / sites / months, parts);
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
