package org.egovmonitor.jobs;

import io.dropwizard.testing.ConfigOverride;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.egovmonitor.demo.farm.FarmMain;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up of the scheduling tests: farm sites in the registry, node configuration, waiting. */
final class SchedulingFixtures {

    static final String UNIT = "t-farm";
    static final String CRAWL_SETTINGS = "src/test/resources/crawl-loopback.yml";

    private SchedulingFixtures() {
    }

    static SiteFarm farm(int sites, long seed, Duration latency) {
        return SiteFarm.start(FarmMain.randomSpecs(sites, seed, 0, LocalDate.now()),
                SiteFarm.Options.defaults().withLatency(latency));
    }

    /** One unit owning every farm site, all monitored; returns the number of sites. */
    static int register(Jdbi jdbi, SiteFarm farm) {
        return jdbi.inTransaction(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, '测试农场', 'DEPARTMENT', "
                    + "'DEPARTMENTS') ON CONFLICT DO NOTHING", UNIT);
            int n = 0;
            for (String host : farm.hosts()) {
                n += h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, ?, ?)",
                        farm.url(host), "站点 " + host, SiteKind.DEPARTMENT.name(), UNIT);
            }
            return n;
        });
    }

    /**
     * A node that crawls farm sites with the production measurement engine and observation store (no setting can
     * swap them), kept quick by the test crawl settings: loopback allowed, no per-host delay, short timeouts.
     */
    static List<ConfigOverride> nodeOverrides(int leaseSeconds) {
        List<ConfigOverride> o = new ArrayList<>(List.of(
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("scheduler.crawlSettings", CRAWL_SETTINGS),
                ConfigOverride.config("scheduler.pollInterval", "200ms"),
                ConfigOverride.config("scheduler.crawlWorkersPerNode", "4"),
                ConfigOverride.config("scheduler.leaseSeconds", Integer.toString(leaseSeconds)),
                ConfigOverride.config("scheduler.backoff", "1s")));
        return o;
    }

    /**
     * What the observation store holds after one round over every farm site: exactly one measurement per site, each
     * under its own crawl item's task key, reachable, and with the sections the farm generated for that site. The
     * farm's truth (computed from its model, never by parsing) says which sections those are, so a stand-in that
     * stores something without measuring fails here.
     */
    static void assertMeasuredOnceEach(Jdbi jdbi, SiteFarm farm, int sites) {
        assertThat(count(jdbi, "SELECT count(*) FROM measurements")).as("measurements stored").isEqualTo(sites);
        assertThat(count(jdbi, "SELECT count(DISTINCT site_id) FROM measurements")).as("sites measured")
                .isEqualTo(sites);
        assertThat(count(jdbi, "SELECT count(*) FROM measurements m JOIN crawl_items i"
                + " ON m.task_key = 'crawl-item:' || i.id AND m.site_id = i.site_id"))
                .as("each stored under its own item's task key").isEqualTo(sites);
        assertThat(count(jdbi, "SELECT count(*) FROM measurements WHERE reachable AND status = 200"))
                .as("reachable").isEqualTo(sites);
        for (String host : farm.hosts()) {
            Set<String> generated = new java.util.TreeSet<>();
            farm.truth(host).sections().forEach(s -> generated.add(s.family()));
            List<String> measured = jdbi.withHandle(h -> h.createQuery("""
                            SELECT s.family FROM measurement_sections s
                            JOIN measurements m ON m.id = s.measurement_id
                            JOIN sites t ON t.id = m.site_id
                            WHERE t.url = ?""")
                    .bind(0, farm.url(host)).mapTo(String.class).list());
            assertThat(measured).as("sections measured on %s", host).containsExactlyInAnyOrderElementsOf(generated);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, timeout, condition);
    }

    static long count(Jdbi jdbi, String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    /** A node's configuration for job tests: jobs run, no crawl workers, the loopback crawl settings. */
    static SchedulerConfiguration jobsOnly() {
        SchedulerConfiguration config = new SchedulerConfiguration();
        config.setCrawlWorkersPerNode("0");
        config.setCrawlSettings(CRAWL_SETTINGS);
        return config;
    }

    /** The Quartz job store's data source on a test database. */
    static PGSimpleDataSource dataSource(TestPostgres.TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.user());
        return ds;
    }
}
