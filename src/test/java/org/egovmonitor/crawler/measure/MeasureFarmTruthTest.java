package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.demo.farm.SiteTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ground truth: the engine measures hundreds of generated farm sites (random seeds, every layout, charset, decoy and
 * kind) and must equal each site's {@link SiteTruth} exactly. The base seed is printed; {@code -Dfarm.seed=N} reruns
 * one, {@code -Dfarm.seed=random} draws one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureFarmTruthTest {

    private static final int SITES = 240;
    private static final LocalDate BASE_NOW = LocalDate.of(2025, 4, 15);

    private SiteFarm farm;
    private MeasurementEngine engine;
    private long baseSeed;

    @BeforeAll
    void startFarm() {
        // A fixed base keeps CI reproducible; -Dfarm.seed=random draws a fresh base (printed, so a miss can be rerun
        // with -Dfarm.seed=N). Ten bases (2,400 sites) were checked this way when the classifier last changed.
        String given = System.getProperty("farm.seed", "3762180542");
        baseSeed = given.equals("random") ? new Random().nextLong() & 0xffffffffL : Long.parseLong(given);
        System.err.println("MeasureFarmTruthTest: farm.seed=" + baseSeed);
        List<SiteSpec> specs = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            long seed = baseSeed + i;
            String host = "127.0." + (10 + i / 200) + "." + (1 + i % 200);
            specs.add(SiteSpec.random(seed, host, 0, BASE_NOW.minusDays(Math.floorMod(seed, 400))));
        }
        farm = SiteFarm.start(specs);
        engine = new MeasurementEngine(MeasureTestSupport.localSettings(), CrawlerFiles.defaultCatalog());
    }

    @AfterAll
    void stopFarm() {
        if (engine != null) {
            engine.close();
        }
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    void measure_generatedSites_equalsTruthExactly() {
        List<String> hosts = new ArrayList<>(farm.hosts());
        List<String> mismatches = new ArrayList<>();
        // Sites differ in "now"; group-free: measure each with its own day, many in parallel.
        List<SiteMeasurement> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        SiteMeasurement[] out = new SiteMeasurement[hosts.size()];
        int workers = 8;
        for (int w = 0; w < workers; w++) {
            int first = w;
            Thread t = new Thread(() -> {
                for (int i = first; i < hosts.size(); i += workers) {
                    SiteTruth truth = farm.truth(hosts.get(i));
                    out[i] = engine.measure(URI.create(truth.url()), truth.kind(), truth.now());
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        for (int i = 0; i < hosts.size(); i++) {
            SiteTruth truth = farm.truth(hosts.get(i));
            SiteMeasurement m = out[i];
            results.add(m);
            MeasureTestSupport.Comparable expected = MeasureTestSupport.of(truth);
            MeasureTestSupport.Comparable actual = MeasureTestSupport.of(m);
            if (!expected.equals(actual)) {
                mismatches.add(describe(hosts.get(i), truth, expected, actual));
            }
        }
        assertThat(results).hasSize(SITES).allSatisfy(m -> assertThat(m.reachable()).isTrue());
        assertThat(mismatches).as("sites whose measurement differs from truth (farm.seed=" + baseSeed + ")")
                .isEmpty();
        assertMessagesVaried(hosts, out);
    }

    /** The messages compared above cover every state, both encodings, and pages read for them. */
    private void assertMessagesVaried(List<String> hosts, SiteMeasurement[] measured) {
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            boolean gbk = farm.site(hosts.get(i)).traits().charset().isGbk();
            for (SiteTruth.Section s : farm.truth(hosts.get(i)).sections()) {
                for (SiteTruth.Message msg : s.messages()) {
                    seen.merge(msg.state() + (msg.state() == MessageState.ANSWERED && msg.answeredOn() == null
                            ? " without date" : ""), 1, Integer::sum);
                    seen.merge(gbk ? "GBK" : "UTF-8", 1, Integer::sum);
                }
            }
            long pages = measured[i].fetches().stream().filter(f -> f.purpose().equals("MESSAGE")).count();
            seen.merge("message pages", (int) pages, Integer::sum);
        }
        System.err.println("MeasureFarmTruthTest: messages " + seen);
        assertThat(seen).containsKeys("ANSWERED", "ANSWERED without date", "PENDING", "UNKNOWN", "GBK", "UTF-8")
                .allSatisfy((k, n) -> assertThat(n).as(k).isPositive());
        assertThat(seen.get("message pages")).isPositive();
    }

    private String describe(String host, SiteTruth truth, MeasureTestSupport.Comparable e,
                            MeasureTestSupport.Comparable a) {
        StringBuilder b = new StringBuilder("\n== " + host + " " + truth.kind() + " now=" + truth.now() + " traits="
                + farm.site(host).traits() + "\n");
        if (!e.sections().equals(a.sections())) {
            b.append("  sections expected:\n");
            e.sections().forEach(s -> b.append("    ").append(s).append('\n'));
            b.append("  sections actual:\n");
            a.sections().forEach(s -> b.append("    ").append(s).append('\n'));
        }
        if (!e.missingFamilies().equals(a.missingFamilies())) {
            b.append("  missing expected ").append(e.missingFamilies()).append(" actual ").append(a.missingFamilies())
                    .append('\n');
        }
        if (!e.homepage().equals(a.homepage())) {
            b.append("  homepage expected ").append(e.homepage()).append(" actual ").append(a.homepage()).append('\n');
        }
        if (!e.brokenLinks().equals(a.brokenLinks())) {
            b.append("  broken expected ").append(e.brokenLinks()).append(" actual ").append(a.brokenLinks())
                    .append('\n');
        }
        return b.toString();
    }
}
