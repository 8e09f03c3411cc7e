package org.egovmonitor.bench;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.egovmonitor.EgovMonitorApplication;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitKind;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.ScoreSnapshotDao;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.UnitEvidence;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;

/**
 * Scoring benchmark (docs/bench/scoring.sh): full rescoring of N synthetic units, then a year of daily snapshots
 * copied in SQL, then the app serving them until stdin closes. Progress and figures go to stderr; the only stdout
 * line is {@code READY <port> <unit-code> <user> <password>} for the script's wrk runs (it logs in once).
 */
public final class ScoringBench {

    /** The office account the script logs in with (a session cookie, as the dashboards use). */
    static final String BENCH_USER = "bench-office";
    static final String BENCH_PASSWORD = java.util.UUID.randomUUID().toString();

    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        LocalDate day = LocalDate.of(2024, 6, 30);
        TestPostgres.TestDatabase db = TestPostgres.newDatabase();
        Jdbi jdbi = db.jdbi();
        IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
        List<UnitEvidence> evidence = generate(units, day);
        ScoreSnapshotService service = new ScoreSnapshotService(jdbi, d -> evidence, catalogue,
                StrictJsonModule.configure(Jackson.newObjectMapper()), Clock.system(ZoneId.of("Asia/Shanghai")));

        for (int i = 0; i < 2; i++) {
            service.recompute(day);
        }
        long t0 = System.nanoTime();
        service.recompute(day);
        long computeMs = (System.nanoTime() - t0) / 1_000_000;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, service.snapshot(day).millis());
        }
        System.err.printf("units=%d  compute+rank (no save)=%d ms  snapshot (compute+rank+save, best of 3)=%d ms%n",
                units, computeMs, best);

        long t1 = System.nanoTime();
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO score_days (day, catalogue_version, catalogue_hash, indicator_ids, unit_count)
                    SELECT day - g, catalogue_version, catalogue_hash, indicator_ids, unit_count
                      FROM score_days, generate_series(1, ?) g WHERE day = ?""", days - 1, day);
            h.execute("""
                    INSERT INTO unit_scores
                    SELECT s.day - g, unit_code, unit_name, peer_group, greatest(0, total - (g % 9)), scored_weight,
                           bonus, grade, vetoed, rank, rank_change, bottleneck, bottleneck_shortfall, veto_count,
                           warning_count
                      FROM generate_series(1, ?) g, unit_scores s WHERE s.day = ?
                     ORDER BY g, s.peer_group, s.rank NULLS LAST, s.unit_code""", days - 1, day);
            // Details (JSON documents) only for the last week: a year of them is ~GBs and no benchmarked read
            // touches them.
            h.execute("""
                    INSERT INTO unit_score_details
                    SELECT d.day - g, unit_code, indicators, findings
                      FROM unit_score_details d, generate_series(1, 6) g WHERE d.day = ?""", day);
        });
        // The copied days' per-group figures, as saving a day stores them.
        jdbi.useExtension(ScoreSnapshotDao.class, dao -> {
            for (int g = 1; g < days; g++) {
                dao.summariseGroups(day.minusDays(g));
            }
        });
        // As in service: each day is written at once (so its rows lie together on disk), and autovacuum has passed
        // over the old days (hint bits, visibility map) before anyone reads them.
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE"));
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM unit_scores").mapTo(Long.class).one());
        String size = jdbi.withHandle(h -> h.createQuery(
                "SELECT pg_size_pretty(pg_total_relation_size('unit_scores'))").mapTo(String.class).one());
        System.err.printf("history: %d unit_scores rows (%s incl. indexes) written in %d s%n", rows, size,
                (System.nanoTime() - t1) / 1_000_000_000);

        DropwizardTestSupport<EgovMonitorConfiguration> app = new DropwizardTestSupport<>(
                EgovMonitorApplication.class, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                ConfigOverride.config("database.url", db.url()), ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("auth.adminUsername", BENCH_USER),
                ConfigOverride.config("auth.adminPassword", BENCH_PASSWORD),
                ConfigOverride.config("server.requestLog.appenders[0].type", "console"),
                ConfigOverride.config("server.requestLog.appenders[0].threshold", "OFF"));
        app.before();
        System.out.println("READY " + app.getLocalPort() + " " + evidence.get(units / 2).unit().code() + " "
                + BENCH_USER + " " + BENCH_PASSWORD);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the script closes stdin
        }
        app.after();
        System.exit(0);
    }

    /** Varied units: a mix of healthy, stale, blank, broken, unreachable, unreported; four peer groups. */
    static List<UnitEvidence> generate(int count, LocalDate day) {
        Random random = new Random(42);
        UnitKind[] kinds = {UnitKind.DEPARTMENT, UnitKind.COUNTY, UnitKind.COUNTY_DEPARTMENT, UnitKind.TOWNSHIP};
        String[] families = {"news", "notices", "policy", "personnel", "plans", "open_gov", "service_guide",
                "mailbox", "forum", "org_info"};
        List<UnitEvidence> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UnitKind kind = kinds[i % kinds.length];
            Unit unit = new Unit(String.format("u%05d", i), "单位" + i, kind, null, kind.defaultPeerGroup(), List.of(),
                    List.of(), false);
            List<UnitEvidence.SiteEvidence> sites = new ArrayList<>();
            int siteCount = kind == UnitKind.TOWNSHIP && random.nextInt(3) == 0 ? 0 : 1 + (random.nextInt(5) == 0 ? 1 : 0);
            for (int s = 0; s < siteCount; s++) {
                List<SiteMeasurement.Section> sections = new ArrayList<>();
                for (String f : families) {
                    if (random.nextInt(8) == 0) {
                        continue;
                    }
                    boolean blank = random.nextInt(12) == 0;
                    sections.add(new SiteMeasurement.Section(f, f, "http://" + unit.code() + ".test/" + f, 200,
                            blank ? null : day.minusDays(random.nextInt(200)), blank ? 0 : 20, random.nextInt(8),
                            blank, List.of()));
                }
                List<SiteMeasurement.BrokenLink> broken = new ArrayList<>();
                for (int b = random.nextInt(4); b > 0; b--) {
                    broken.add(new SiteMeasurement.BrokenLink("http://" + unit.code() + ".test/x" + b, 404, null));
                }
                SiteMeasurement m = random.nextInt(20) == 0 ? null : new SiteMeasurement("http://" + unit.code()
                        + ".test/", "http://" + unit.code() + ".test/index.html", "DEPARTMENT", true, 200, 100,
                        "UTF-8", null, new SiteMeasurement.Homepage(day.minusDays(random.nextInt(25)), 10, false,
                        List.of()),
                        sections, random.nextInt(3) == 0 ? List.of("mailbox") : List.of(), broken, 20, List.of(),
                        "h", day.minusDays(random.nextInt(3)));
                int samples = 200 + random.nextInt(100);
                int failures = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
                sites.add(new UnitEvidence.SiteEvidence(i * 10L + s, "http://" + unit.code() + ".test/",
                        SiteKind.DEPARTMENT, m, m == null ? "尚未抓取" : null, samples, failures, failures == 0 ? null
                        : new UnitEvidence.ProbeFailure(day, "http://" + unit.code() + ".test/", 503, "HTTP_ERROR")));
            }
            NodeStatus status = NodeStatus.values()[random.nextInt(3)];
            out.add(new UnitEvidence(unit, sites, random.nextInt(10) == 0 ? null
                    : new UnitEvidence.NodeEvidence(status, 1, 100, random.nextInt(10), "10.0.0.1:80"),
                    random.nextInt(4) == 0 ? null : new UnitEvidence.LanReport(day, random.nextBoolean(), 10,
                            10 + random.nextInt(20), random.nextBoolean(), true, List.of("oa", "database")),
                    random.nextInt(5) == 0 ? null : new UnitEvidence.LiaisonFacts("联络员", "123", day),
                    new UnitEvidence.Contributions(random.nextInt(8), random.nextInt(20)),
                    random.nextInt(3) == 0 ? null : new UnitEvidence.InteractionFacts(List.of(
                            new UnitEvidence.Message("http://" + unit.code() + ".test/m", day.minusDays(
                                    random.nextInt(120)), random.nextBoolean() ? null : day)))));
        }
        return out;
    }
}
