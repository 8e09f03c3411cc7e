package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.judgeSite;

import java.util.List;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.IndicatorState;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.RuleType;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.ScoringRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every rule over a crawl measurement shares: a site without a usable measurement is no data, never judged. */
class SiteMeasurementRuleTest {

    static SiteMeasurement measuredOn(java.time.LocalDate day, boolean reachable) {
        SiteMeasurement h = ScoringFixtures.healthyMeasurement();
        return new SiteMeasurement(h.url(), h.finalUrl(), h.kind(), reachable, reachable ? 200 : 0, h.responseMs(),
                h.charset(), reachable ? null : "DNS_FAILURE", h.homepage(), h.sections(), h.missingFamilies(),
                h.brokenLinks(), h.pagesFetched(), h.errors(), h.contentHash(), day, h.fetches(), h.linkChecks(),
                h.linksNotChecked(), h.checks());
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (RuleType type : RuleType.values()) {
            if (!(ScoringRules.STANDARD.forType(type) instanceof SiteMeasurementRule rule)) {
                continue;
            }
            out.add(Arguments.of(type, rule, null, "未监测：尚未抓取"));
            out.add(Arguments.of(type, rule, measuredOn(DAY.minusDays(8), true),
                    "未监测：最近一次抓取在 2024-06-22，早于评分日 7 天以上"));
            out.add(Arguments.of(type, rule, measuredOn(DAY, false),
                    "未监测：最近一次抓取首页不可达（HTTP 0，DNS_FAILURE），可用性见“网站可用性”"));
            out.add(Arguments.of(type, rule, measuredOn(DAY.minusDays(7), true), null));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void judge_unusableMeasurement_noDataWithReason(RuleType type, SiteMeasurementRule rule, SiteMeasurement m,
                                                    String reason) {
        Judgement j = judgeSite(rule, ScoringFixtures.site(m, 1000, 0));
        assertThat(j.state()).isEqualTo(reason == null ? IndicatorState.SCORED : IndicatorState.NO_DATA);
        assertThat(j.reason()).isEqualTo(reason);
        if (reason != null) {
            assertThat(j.findings()).isEmpty();
        }
    }

    private static final String SHA_HOME = "a".repeat(64);
    private static final String SHA_LINK = "b".repeat(64);

    /** A usable measurement whose homepage and one broken homepage link were fetched and kept as snapshots. */
    static SiteMeasurement withFetches() {
        SiteMeasurement h = ScoringFixtures.healthyMeasurement();
        String home = h.finalUrl() != null ? h.finalUrl() : h.url();
        return new SiteMeasurement(h.url(), h.finalUrl(), h.kind(), true, 200, h.responseMs(), h.charset(), null,
                h.homepage(), h.sections(), h.missingFamilies(),
                List.of(new SiteMeasurement.BrokenLink("http://x.gov.cn/old/list.htm", 404, "HTTP_ERROR"),
                        new SiteMeasurement.BrokenLink("http://dead.example/", null, "DNS_FAILURE")),
                h.pagesFetched(), h.errors(), h.contentHash(), DAY,
                List.of(new SiteMeasurement.Fetch(h.url(), home, "HOMEPAGE", 200, 10, 100, "UTF-8", null, SHA_HOME),
                        // a redirect: the finding names the address asked for, the fetch where it ended
                        new SiteMeasurement.Fetch("http://x.gov.cn/old/", "http://x.gov.cn/old/list.htm", "SECTION",
                                404, 10, 100, "UTF-8", "HTTP_ERROR", SHA_LINK),
                        new SiteMeasurement.Fetch("http://dead.example/", "http://dead.example/", "CHECK", 0, 10, 0,
                                null, "DNS_FAILURE", null)),
                List.of(), 0);
    }

    static Stream<Arguments> snapshotCases() {
        String home = ScoringFixtures.healthyMeasurement().finalUrl();
        return Stream.of(
                Arguments.of(home, SHA_HOME),
                // a wording hit's text fragment is not part of the page's address
                Arguments.of(home + "#:~:text=%E5%85%B6%E5%AE%83", SHA_HOME),
                Arguments.of("http://x.gov.cn/old/list.htm", SHA_LINK),
                Arguments.of("http://x.gov.cn/old/", SHA_LINK),
                // fetched without a body: no snapshot; never fetched: none either
                Arguments.of("http://dead.example/", null),
                Arguments.of("http://x.gov.cn/never-fetched.html", null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("snapshotCases")
    void withSnapshot_evidencePageFetched_carriesItsSnapshot(String url, String snapshot) {
        org.egovmonitor.scoring.Evidence e = new org.egovmonitor.scoring.Evidence(url, null, null, null, "其它", null);
        assertThat(SiteMeasurementRule.withSnapshot(e, withFetches()).snapshot()).isEqualTo(snapshot);
        assertThat(SiteMeasurementRule.withSnapshot(e, withFetches()).excerpt()).isEqualTo("其它");
        assertThat(SiteMeasurementRule.withSnapshot(null, withFetches())).isNull();
    }

    @org.junit.jupiter.api.Test
    void judge_findingsOfARule_carryTheSnapshotsOfTheirPages_pointsUnchanged() {
        SiteMeasurementRule rule = (SiteMeasurementRule) ScoringRules.STANDARD.forType(RuleType.LINK_HEALTH);
        SiteMeasurement m = withFetches();
        Judgement j = judgeSite(rule, ScoringFixtures.site(m, 1000, 0));
        assertThat(j.findings()).extracting(f -> f.evidence().url(), f -> f.evidence().snapshot())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://x.gov.cn/old/list.htm", SHA_LINK),
                        org.assertj.core.groups.Tuple.tuple("http://dead.example/", null),
                        // the warning names the homepage, which has its snapshot too
                        org.assertj.core.groups.Tuple.tuple(m.finalUrl(), SHA_HOME));
        SiteMeasurement noFetches = new SiteMeasurement(m.url(), m.finalUrl(), m.kind(), true, 200, m.responseMs(),
                m.charset(), null, m.homepage(), m.sections(), m.missingFamilies(), m.brokenLinks(),
                m.pagesFetched(), m.errors(), m.contentHash(), DAY);
        Judgement plain = judgeSite(rule, ScoringFixtures.site(noFetches, 1000, 0));
        assertThat(j.points()).isEqualTo(plain.points());
        assertThat(j.findings()).extracting(org.egovmonitor.scoring.Finding::points)
                .isEqualTo(plain.findings().stream().map(org.egovmonitor.scoring.Finding::points).toList());
    }
}
