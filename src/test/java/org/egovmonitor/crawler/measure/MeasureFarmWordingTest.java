package org.egovmonitor.crawler.measure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.InspectionRules;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.crawler.inspect.SiteContext;
import org.egovmonitor.demo.farm.FarmMain;
import org.egovmonitor.demo.farm.FarmWording;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wording checks on generated farm sites, with the leaders the demo registry gives their units: the sites that
 * draw wording errors fail misusedWords, outdatedNames and leaderNames with the errors' exact text, the sites that
 * draw spam fail sensitiveWords; the others pass.
 */
class MeasureFarmWordingTest {

    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);

    @Test
    void measure_farmSites_errorSitesFailCleanSitesPass() {
        // The first base seed whose three sites include both kinds of each trait (about one site in three draws
        // errors, one in four spam).
        List<SiteSpec> specs = java.util.stream.LongStream.rangeClosed(1, 200)
                .mapToObj(seed -> FarmMain.randomSpecs(3, seed, 0, NOW))
                .filter(l -> l.stream().anyMatch(FarmWording::hasErrors)
                        && l.stream().anyMatch(x -> !FarmWording.hasErrors(x))
                        && l.stream().anyMatch(FarmWording::hasSpam)
                        && l.stream().anyMatch(x -> !FarmWording.hasSpam(x))).findFirst().orElseThrow();
        assertThat(specs).as("the seed gives both kinds").anyMatch(FarmWording::hasErrors)
                .anyMatch(s -> !FarmWording.hasErrors(s)).anyMatch(FarmWording::hasSpam)
                .anyMatch(s -> !FarmWording.hasSpam(s));
        try (SiteFarm farm = SiteFarm.start(specs);
             MeasurementEngine engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings(), null,
                     CrawlerFiles.defaultCatalog(), SiteChecks.of(InspectionRules.load(Path.of("crawlers/checks.yml"))))) {
            java.util.Map<String, java.util.Set<CheckOutcome>> outcomes = new java.util.HashMap<>();
            for (String host : farm.hosts()) {
                SiteSpec spec = farm.site(host).spec();
                List<SiteContext.Leader> leaders = FarmWording.leaders(spec.name()).stream()
                        .map(l -> new SiteContext.Leader(l.name(), l.post())).toList();
                SiteMeasurement m = engine.measure(java.net.URI.create(farm.url(host)), spec.kind(), NOW,
                        new SiteContext(spec.name(), leaders));
                assertThat(m.reachable()).isTrue();
                CheckResult misused = m.check("misusedWords").orElseThrow();
                CheckResult outdated = m.check("outdatedNames").orElseThrow();
                CheckResult leader = m.check("leaderNames").orElseThrow();
                CheckResult sensitive = m.check("sensitiveWords").orElseThrow();
                for (CheckResult r : List.of(misused, outdated, leader, sensitive)) {
                    outcomes.computeIfAbsent(r.check(), k -> new java.util.HashSet<>()).add(r.outcome());
                }
                if (FarmWording.hasSpam(spec)) {
                    assertThat(sensitive.outcome()).as(host + " " + sensitive.summary()).isEqualTo(CheckOutcome.FAILED);
                    assertThat(sensitive.problems()).extracting(CheckProblem::excerpt)
                            .contains("真人娱乐", "百家乐", "在线博彩");
                } else {
                    assertThat(sensitive.outcome()).as(host + " " + sensitive.problems()).isEqualTo(CheckOutcome.PASSED);
                }
                if (FarmWording.hasErrors(spec)) {
                    assertThat(List.of(misused.outcome(), outdated.outcome(), leader.outcome()))
                            .containsOnly(CheckOutcome.FAILED);
                    assertThat(misused.problems()).as(host + " " + misused.summary())
                            .extracting(CheckProblem::excerpt).contains("截止目前", "再接再励");
                    assertThat(outdated.problems()).extracting(CheckProblem::excerpt).contains("环境保护局");
                    SiteContext.Leader deputy = leaders.get(1);
                    assertThat(leader.problems()).extracting(CheckProblem::excerpt)
                            .containsExactly(deputy.post().substring(1) + deputy.name());
                } else {
                    // The farm's text bank is of 2003 (质量技术监督局, 地方税务局 in 2024 titles): such a site may fail
                    // outdatedNames on its own, but never on the planted sentence.
                    assertThat(List.of(misused.outcome(), leader.outcome()))
                            .as(host + " " + misused.problems() + leader.problems()).containsOnly(CheckOutcome.PASSED);
                    assertThat(outdated.problems()).extracting(CheckProblem::excerpt).doesNotContain("环境保护局");
                }
            }
            // The demo shows every wording check failing on a site and passing on another.
            assertThat(outcomes).as(outcomes.toString()).hasSize(4)
                    .allSatisfy((id, seen) -> assertThat(seen).contains(CheckOutcome.FAILED, CheckOutcome.PASSED));
        }
    }
}
