package org.egovmonitor.jobs;

import io.dropwizard.testing.ConfigOverride;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.farm.FarmMain;
import org.egovmonitor.farm.SiteFarm;
import org.egovmonitor.testing.Await;
import org.egovmonitor.testing.HomepageOnlyMeasurer;
import org.egovmonitor.testing.RecordingObservationStore;
import org.jdbi.v3.core.Jdbi;

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
        RecordingObservationStore.createTable(jdbi);
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

    /** A node that crawls farm sites with the homepage-only test measurer. */
    static List<ConfigOverride> nodeOverrides(int leaseSeconds) {
        List<ConfigOverride> o = new ArrayList<>(List.of(
                ConfigOverride.config("logging.level", "WARN"),
                ConfigOverride.config("scheduler.measurerClass", HomepageOnlyMeasurer.class.getName()),
                ConfigOverride.config("scheduler.observationStoreClass", RecordingObservationStore.class.getName()),
                ConfigOverride.config("scheduler.crawlSettings", CRAWL_SETTINGS),
                ConfigOverride.config("scheduler.pollInterval", "200ms"),
                ConfigOverride.config("scheduler.crawlWorkersPerNode", "4"),
                ConfigOverride.config("scheduler.leaseSeconds", Integer.toString(leaseSeconds)),
                ConfigOverride.config("scheduler.backoff", "1s")));
        return o;
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
}
