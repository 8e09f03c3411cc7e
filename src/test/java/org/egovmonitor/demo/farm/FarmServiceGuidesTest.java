package org.egovmonitor.demo.farm;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.InspectionRules;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.measure.CrawlSettings;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.crawler.measure.MeasurementEngine;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The farm's service guides: on sloppy sites some guides lack elements, on the others all ten are there. Measured
 * with the service-guide check, a sloppy site fails with exactly its incomplete guides among those sampled, a
 * clean one passes.
 */
class FarmServiceGuidesTest {

    @BeforeAll
    static void quietLogs() {
        FarmLogging.quiet();
    }

    @Test
    void measure_farmSitesWithGuides_checkFailsOnSloppyAndPassesOnCleanSites() {
        // the first two sloppy sites and the first clean one with a service-guide section, from a fixed base seed
        List<SiteSpec> specs = new ArrayList<>();
        Map<String, Map<String, List<String>>> gaps = new LinkedHashMap<>();
        int sloppy = 0;
        int clean = 0;
        for (long seed = 9100; specs.size() < 3 && seed < 9400; seed++) {
            SiteSpec spec = SiteSpec.random(seed, "127.0.30." + (specs.size() + 1), 0,
                    FarmFixtures.NOW.minusDays(seed % 400));
            GeneratedSite site = new SiteGenerator().generate(spec);
            boolean hasGuides = site.truth().sections().stream()
                    .anyMatch(s -> s.family().equals("service_guide") && !s.blank());
            Map<String, List<String>> g = SiteGenerator.guideGaps(spec);
            if (!hasGuides || (g.isEmpty() ? clean >= 1 : sloppy >= 2)) {
                continue;
            }
            if (g.isEmpty()) {
                clean++;
            } else {
                sloppy++;
            }
            specs.add(spec);
        }
        assertThat(specs).hasSize(3);

        CrawlSettings settings = CrawlSettings.parse("""
                perHostDelayMs: 0
                connectTimeoutMs: 2000
                readTimeoutMs: 2000
                deadlineMs: 4000
                robotsCacheTtl: 1h
                """).withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("127.0.0.0/8"))));
        SiteChecks checks = new SiteChecks(InspectionRules.load(Path.of("crawlers/checks.yml")).checks().stream()
                .filter(c -> c.id().equals("serviceGuides")).toList(), 16);
        List<CheckOutcome> outcomes = new ArrayList<>();
        try (SiteFarm farm = SiteFarm.start(specs);
             MeasurementEngine engine = MeasurementEngine.withChecks(settings, null, CrawlerFiles.defaultCatalog(),
                     checks)) {
            for (SiteSpec spec : specs) {
                SiteTruth truth = farm.truth(spec.host());
                // the guides' addresses carry the port the farm chose
                gaps.put(spec.host(), SiteGenerator.guideGaps(farm.site(spec.host()).spec()));
                SiteMeasurement m = engine.measure(URI.create(truth.url()), truth.kind(), truth.now());
                CheckResult r = m.check("serviceGuides").orElseThrow();
                List<String> sampled = m.sections().stream().filter(s -> s.family().equals("service_guide"))
                        .flatMap(s -> s.entries().stream()).map(SiteMeasurement.Entry::url).limit(5).toList();
                Map<String, String> expected = new LinkedHashMap<>();
                for (String url : sampled) {
                    List<String> missing = gaps.get(spec.host()).get(url);
                    if (missing != null) {
                        expected.put(url, "补充：" + String.join("、", missing));
                    }
                }
                Map<String, String> reported = new LinkedHashMap<>();
                r.problems().forEach(p -> reported.put(p.url(), p.correction()));
                assertThat(reported).as(spec.host() + " " + r.summary()).isEqualTo(expected);
                assertThat(r.problems()).allMatch(p -> p.code().equals("guide_incomplete"));
                assertThat(r.metrics()).as(spec.host()).containsEntry("guidesSampled", (double) sampled.size())
                        .containsEntry("guidesComplete", (double) (sampled.size() - expected.size()));
                assertThat(r.outcome()).as(spec.host())
                        .isEqualTo(expected.isEmpty() ? CheckOutcome.PASSED : CheckOutcome.FAILED);
                outcomes.add(r.outcome());
            }
        }
        assertThat(outcomes).contains(CheckOutcome.PASSED, CheckOutcome.FAILED);
    }
}
