package org.egovmonitor.demo.farm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.InspectionRules;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.Test;

/**
 * The farm's content-safety faults (暗链 block, foreign navigation entry, script from an unknown host): drawn on some
 * sites and not others, and the engine's checks fail exactly on the sites that carry them.
 */
class SiteFarmSafetyTest {

    private static final List<String> CHECKS = List.of("hiddenLinks", "navigationLinks", "thirdPartyScripts");

    @Test
    void farm_safetyFaults_checksFailOnTheSitesThatCarryThemAndPassOnOthers() {
        FarmLogging.quiet();
        // Pick, by generating only, a site carrying every fault and one carrying none (any peers make the same
        // draws): two sites to measure keep the test short.
        Long faultySeed = null;
        Long cleanSeed = null;
        int drawn = 0;
        int[] faulty = new int[CHECKS.size()];
        SiteGenerator generator = new SiteGenerator();
        for (long seed = 1; seed <= 600 && (faultySeed == null || cleanSeed == null); seed++) {
            Set<String> faults = generator.safetyFaultsOf(FarmFixtures.randomSpec(seed));
            drawn++;
            for (int i = 0; i < CHECKS.size(); i++) {
                faulty[i] += faults.contains(CHECKS.get(i)) ? 1 : 0;
            }
            if (faults.containsAll(CHECKS) && faultySeed == null) {
                faultySeed = seed;
            }
            if (faults.isEmpty() && cleanSeed == null) {
                cleanSeed = seed;
            }
        }
        assertThat(faultySeed).as("a site with every fault").isNotNull();
        assertThat(cleanSeed).as("a clean site").isNotNull();
        // Faults are the exception: each on a minority of sites.
        for (int f : faulty) {
            assertThat(f).isPositive().isLessThan(drawn / 2 + 1);
        }
        Map<String, Long> chosen = new LinkedHashMap<>();
        chosen.put("faulty", faultySeed);
        chosen.put("clean", cleanSeed);

        List<SiteSpec> specs = new ArrayList<>();
        int k = 1;
        for (long seed : new java.util.LinkedHashSet<>(chosen.values())) {
            specs.add(SiteSpec.random(seed, "127.0.12." + k++, 0, FarmFixtures.NOW));
        }
        CrawlSettings settings = CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                maxLinkChecksPerSite: 0
                """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
        try (SiteFarm farm = SiteFarm.start(specs);
             MeasurementEngine engine = MeasurementEngine.withChecks(settings, null, CrawlerFiles.defaultCatalog(),
                     SiteChecks.of(InspectionRules.load(Path.of("crawlers", "checks.yml"))))) {
            int failed = 0;
            int passed = 0;
            for (String host : farm.hosts()) {
                SiteTruth truth = farm.truth(host);
                Set<String> faults = farm.site(host).traits().safetyFaults();
                SiteMeasurement m = engine.measure(URI.create(truth.url()), truth.kind(), truth.now());
                for (String check : CHECKS) {
                    CheckResult r = m.check(check).orElseThrow();
                    CheckOutcome expected = faults.contains(check) ? CheckOutcome.FAILED : CheckOutcome.PASSED;
                    assertThat(r.outcome()).as(host + " " + check + ": " + r.summary()).isEqualTo(expected);
                    failed += expected == CheckOutcome.FAILED ? 1 : 0;
                    passed += expected == CheckOutcome.PASSED ? 1 : 0;
                }
            }
            assertThat(failed).isGreaterThanOrEqualTo(CHECKS.size());
            assertThat(passed).isGreaterThanOrEqualTo(CHECKS.size());
        }
    }
}
