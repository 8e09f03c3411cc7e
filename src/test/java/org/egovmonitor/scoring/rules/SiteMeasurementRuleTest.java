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
}
