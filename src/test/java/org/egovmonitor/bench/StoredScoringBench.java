package org.egovmonitor.bench;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.ContributionSettings;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HttpPageFetcher;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.SnapshotSummary;
import org.egovmonitor.scoring.StoredEvidenceSource;
import org.egovmonitor.scoring.StoredObservationFacts;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;

/**
 * Full rescoring the way the service does it (docs/bench/scoring.sh, first part): N units with one site each in the
 * registry, one stored crawl measurement per site (12 sections of 20 entries, homepage entries, link checks, fetches,
 * mailbox messages), then the day's snapshot through the real {@link StoredEvidenceSource} and
 * {@link StoredObservationFacts}: reading the evidence, scoring, ranking and saving. Figures go to stderr.
 */
public final class StoredScoringBench {

    private static final String[] FAMILIES = {"news", "notices", "policy", "personnel", "plans", "open_gov",
        "org_info", "overview", "service_guide", "downloads", "online_service", "mailbox"};
    private static final String[] KINDS = {"DEPARTMENT", "COUNTY", "COUNTY_DEPARTMENT", "TOWNSHIP"};
    private static final String[] GROUPS = {"DEPARTMENTS", "COUNTIES", "COUNTY_DEPARTMENTS", "TOWNSHIPS"};

    private StoredScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        LocalDate day = LocalDate.of(2024, 6, 30);
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        // Set-up only: the measurements are written without waiting for each commit's flush (not what is measured).
        jdbi.useHandle(h -> h.execute("ALTER DATABASE " + db.name() + " SET synchronous_commit = off"));
        long t0 = System.nanoTime();
        List<Long> siteIds = insertUnitsWithSites(jdbi, units, i -> KINDS[i % 4], i -> GROUPS[i % 4],
                i -> i % 4 == 1 ? "COUNTY" : i % 4 == 3 ? "TOWNSHIP_PAGE" : "DEPARTMENT");
        ObservationStore store = new ObservationStore(jdbi);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> saving = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            saving.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < siteIds.size(); i = next.getAndIncrement()) {
                    store.save("bench:" + i, siteIds.get(i), measurement(i, day),
                            Instant.parse("2024-06-30T02:00:00Z"));
                }
                return null;
            }));
        }
        for (Future<?> f : saving) {
            f.get();
        }
        pool.shutdown();
        jdbi.useHandle(h -> h.execute("ANALYZE"));
        long storedMs = (System.nanoTime() - t0) / 1_000_000;
        System.err.printf("stored: %d units, %d sites, one measurement each (%d ms, 4 writers)%n", units,
                siteIds.size(), storedMs);

        try (HttpPageFetcher unused = new HttpPageFetcher(FetchSettings.defaults())) {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            Clock clock = Clock.system(zone);
            IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
            StoredObservationFacts facts = new StoredObservationFacts(jdbi, store,
                    new ContributionService(jdbi, unused, new ContributionSettings(), clock), zone);
            StoredEvidenceSource evidence = new StoredEvidenceSource(jdbi, zone, catalogue.probeWindowDays(),
                    facts);
            ScoreSnapshotService scoring = new ScoreSnapshotService(jdbi, evidence, catalogue,
                    StrictJsonModule.configure(Jackson.newObjectMapper()), clock);
            scoring.snapshot(day); // warm-up
            long best = Long.MAX_VALUE;
            long bestRead = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long r0 = System.nanoTime();
                int read = evidence.evidenceFor(day).size();
                bestRead = Math.min(bestRead, (System.nanoTime() - r0) / 1_000_000);
                SnapshotSummary s = scoring.snapshot(day);
                best = Math.min(best, s.millis());
                if (read != units) {
                    throw new IllegalStateException("evidence for " + read + " units, expected " + units);
                }
            }
            System.err.printf("full rescoring from stored observations: evidence read (best of 3) = %d ms; "
                    + "snapshot = read + score + rank + save (best of 3) = %d ms%n", bestRead, best);
        }
        System.exit(0);
    }

    /** A site's crawl as the engine stores it; a share of sections stale, blank or with late replies. */
    static SiteMeasurement measurement(int i, LocalDate day) {
        Random random = new Random(i);
        String base = "http://" + String.format("s%05d", i) + ".bench.test/";
        List<SiteMeasurement.Section> sections = new ArrayList<>();
        for (String family : FAMILIES) {
            List<SiteMeasurement.Entry> entries = new ArrayList<>();
            int age = random.nextInt(60);
            for (int e = 0; e < 20; e++) {
                entries.add(new SiteMeasurement.Entry("关于做好第" + e + "项工作的通知", base + family + "/" + e + ".html",
                        day.minusDays(age + 3L * e)));
            }
            List<SiteMeasurement.Message> messages = new ArrayList<>();
            if (family.equals("mailbox")) {
                for (int m = 0; m < 10; m++) {
                    LocalDate asked = day.minusDays(5 + 20L * m);
                    boolean answered = random.nextInt(6) > 0;
                    messages.add(new SiteMeasurement.Message("来信" + m, base + "mail/" + m + ".html", asked,
                            answered ? asked.plusDays(random.nextInt(40)) : null,
                            answered ? MessageState.ANSWERED : MessageState.PENDING));
                }
            }
            boolean blank = random.nextInt(15) == 0;
            sections.add(new SiteMeasurement.Section(family, family, base + family + "/", 200,
                    blank ? null : day.minusDays(age), blank ? 0 : 20, blank ? 0 : random.nextInt(8), blank,
                    blank ? List.of() : entries, messages));
        }
        List<SiteMeasurement.Entry> home = new ArrayList<>();
        List<SiteMeasurement.LinkCheck> checks = new ArrayList<>();
        List<SiteMeasurement.Fetch> fetches = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            home.add(new SiteMeasurement.Entry("要闻" + k, base + "news/" + k + ".html", day.minusDays(k)));
            boolean broken = random.nextInt(25) == 0;
            checks.add(new SiteMeasurement.LinkCheck(base + "l/" + k, broken ? 404 : 200, null, broken));
        }
        for (int k = 0; k < 13; k++) {
            fetches.add(new SiteMeasurement.Fetch(base + k, base + k, k == 0 ? "HOMEPAGE" : "SECTION", 200, 80,
                    20_000, "UTF-8", null));
        }
        List<SiteMeasurement.BrokenLink> broken = checks.stream().filter(SiteMeasurement.LinkCheck::broken)
                .map(c -> new SiteMeasurement.BrokenLink(c.url(), c.status(), null)).toList();
        return new SiteMeasurement(base, base + "index.html", "DEPARTMENT", true, 200, 90, "UTF-8", null,
                new SiteMeasurement.Homepage(day.minusDays(random.nextInt(20)), 20, false, home), sections, List.of(),
                broken, 13, List.of(), "hash" + i, day, fetches, checks, 0);
    }

    /**
     * Units {@code s00000…} with one site each, in one transaction (bench set-up); the site ids in unit order.
     */
    static List<Long> insertUnitsWithSites(Jdbi jdbi, int count, IntFunction<String> unitKind,
                                           IntFunction<String> peerGroup, IntFunction<String> siteKind) {
        jdbi.useTransaction(h -> {
            var unitBatch = h.prepareBatch("INSERT INTO units (code, name, kind, peer_group) VALUES (?, ?, ?, ?)");
            var siteBatch = h.prepareBatch("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, ?, ?)");
            for (int i = 0; i < count; i++) {
                String code = String.format("s%05d", i);
                unitBatch.add(code, "单位" + i, unitKind.apply(i), peerGroup.apply(i));
                siteBatch.add("http://" + code + ".bench.test/", "网站" + i, siteKind.apply(i), code);
            }
            unitBatch.execute();
            siteBatch.execute();
        });
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM sites ORDER BY id").mapTo(Long.class).list());
    }
}
