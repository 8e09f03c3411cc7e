package org.egovmonitor.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.rules.RuleTestSupport.DAY;
import static org.egovmonitor.scoring.rules.RuleTestSupport.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.Judgement;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.ScoringRule;
import org.egovmonitor.scoring.UnitEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four inspection rules over check results, with the shipping weights of crawlers/indicators.yml (service_guides
 * 4, wording 5, technical 5, content_safety 4). A case lists problems as {@code check:code:severity} separated by
 * spaces; metrics of serviceGuides as {@code sampled/complete}.
 */
class InspectionCheckRulesTest {

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SERVICE_GUIDES | serviceGuides:-                                                | 5/5 | SCORED 4.0 D0 W0
            SERVICE_GUIDES | serviceGuides:guide_incomplete:DEDUCT                          | 5/4 | SCORED 3.0 D1 W0
            SERVICE_GUIDES | serviceGuides:guide_incomplete:DEDUCT serviceGuides:guide_incomplete:DEDUCT | 5/3 | SCORED 2.0 D2 W1
            SERVICE_GUIDES | -                                                              | -   | NO_DATA 0.0 D0 W0
            WORDING        | misusedWords:- leaderNames:- outdatedNames:- sensitiveWords:-   | -   | SCORED 5.0 D0 W0
            WORDING        | misusedWords:misused_word:DEDUCT outdatedNames:outdated_name:DEDUCT | - | SCORED 3.0 D2 W0
            WORDING        | leaderNames:leader_title:SEVERE                                  | -   | SCORED 4.0 veto D1 W0
            TECHNICAL      | https:- viewport:- govMark:-                                     | -   | SCORED 5.0 D0 W0
            TECHNICAL      | https:https_no_redirect:DEDUCT https:https_certificate_invalid:DEDUCT | - | SCORED 4.0 D1 W0
            TECHNICAL      | https:certificate_expiring:WARN viewport:viewport_missing:DEDUCT | -   | SCORED 4.5 D1 W1
            TECHNICAL      | siteCode:site_code_missing:DEDUCT icp:icp_missing:DEDUCT publicSecurity:public_security_missing:DEDUCT govMark:gov_mark_missing:DEDUCT | - | SCORED 3.0 D4 W0
            CONTENT_SAFETY | hiddenLinks:- navigationLinks:- thirdPartyScripts:-            | -   | SCORED 4.0 D0 W0
            CONTENT_SAFETY | hiddenLinks:hidden_link:SEVERE                                   | -   | SCORED 0.0 veto D1 W0
            CONTENT_SAFETY | navigationLinks:foreign_nav_link:DEDUCT thirdPartyScripts:unknown_script_host:DEDUCT | - | SCORED 2.0 D2 W0
            """)
    void judge_checkResults(String rule, String problems, String guides, String expected) {
        Judgement j = judge(rule, results(problems, guides));
        assertThat(outcome(j)).isEqualTo(expected);
    }

    @Test
    void serviceGuides_fewCompleteGuides_warningStatesTheShareInPercent() {
        Judgement j = judge("SERVICE_GUIDES", results("serviceGuides:guide_incomplete:DEDUCT "
                + "serviceGuides:guide_incomplete:DEDUCT serviceGuides:guide_incomplete:DEDUCT", "5/2"));
        assertThat(j.findings()).filteredOn(f -> f.kind() == FindingKind.WARNING).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("仅占 40.00%"));
    }

    @Test
    void notChecked_losesNothing_andSaysWhy() {
        Judgement j = judge("SERVICE_GUIDES", List.of(CheckResult.notChecked("serviceGuides", "未找到办事指南栏目")));
        assertThat(outcome(j)).isEqualTo("SCORED 4.0 D0 W0");
        assertThat(j.observed()).contains("未找到办事指南栏目");
    }

    @Test
    void wordingHit_evidenceOpensThePageAtTheHit_andCarriesTheCorrection() {
        CheckProblem hit = new CheckProblem("misused_word", ProblemSeverity.DEDUCT, "“按装”应为“安装”：……按装路灯 30 盏……",
                "http://site.test/news/1.html", "按装", "安装");
        CheckProblem other = new CheckProblem("misused_word", ProblemSeverity.DEDUCT, "“既使”应为“即使”",
                "http://site.test/news/1.html", "既使 - 也", "即使");
        Judgement j = judge("WORDING", List.of(CheckResult.judged("misusedWords", "抽查 3 页", List.of(hit, other),
                Map.of())));
        List<Finding> findings = j.findings();
        assertThat(findings).extracting(f -> f.evidence().url()).containsExactly(
                "http://site.test/news/1.html#:~:text=%E6%8C%89%E8%A3%85",
                "http://site.test/news/1.html#:~:text=%E6%97%A2%E4%BD%BF%20%2D%20%E4%B9%9F");
        assertThat(findings.get(0).evidence().excerpt()).isEqualTo("按装");
        assertThat(findings.get(0).message()).endsWith("（建议：安装）");
    }

    @Test
    void problemWithoutPage_pointsAtTheHomepage() {
        Judgement j = judge("TECHNICAL", List.of(CheckResult.judged("viewport", "首页", List.of(
                new CheckProblem("viewport_missing", ProblemSeverity.DEDUCT, "首页没有移动端视口设置", null, null, null)),
                Map.of())));
        assertThat(j.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DEDUCTION);
            assertThat(f.evidence().url()).isEqualTo("http://site.test/index.html");
        });
    }

    private static Judgement judge(String ruleType, List<CheckResult> results) {
        ScoringRule rule = org.egovmonitor.scoring.ScoringRules.STANDARD.forType(org.egovmonitor.scoring.RuleType.valueOf(ruleType));
        Indicator ind = ScoringFixtures.CATALOGUE.indicators().stream().filter(i -> i.rule().name().equals(ruleType))
                .findFirst().orElseThrow();
        SiteMeasurement base = ScoringFixtures.healthyMeasurement();
        SiteMeasurement m = new SiteMeasurement(base.url(), base.finalUrl(), base.kind(), true, 200, 100,
                base.charset(), null, base.homepage(), base.sections(), base.missingFamilies(), base.brokenLinks(),
                base.pagesFetched(), base.errors(), base.contentHash(), DAY, base.fetches(), base.linkChecks(), 0,
                results);
        UnitEvidence.SiteEvidence site = ScoringFixtures.site(m, 1000, 0);
        UnitEvidence unit = ScoringFixtures.withSites(ScoringFixtures.healthy("u"), List.of(site));
        return rule.judge(ind, ind.weight(), new ScoringRule.Input(unit, site, ScoringFixtures.CATALOGUE, DAY));
    }

    /** "check:code:SEVERITY …" → results, one per check, in order; "check:-" is a check that passed. */
    private static List<CheckResult> results(String spec, String guides) {
        List<CheckResult> out = new ArrayList<>();
        if (spec.equals("-")) {
            return out;
        }
        Map<String, Double> metrics = Map.of();
        if (!guides.equals("-")) {
            String[] g = guides.split("/");
            metrics = Map.of("guidesSampled", Double.valueOf(g[0]), "guidesComplete", Double.valueOf(g[1]));
        }
        java.util.LinkedHashMap<String, List<CheckProblem>> byCheck = new java.util.LinkedHashMap<>();
        for (String item : spec.trim().split("\\s+")) {
            String[] p = item.split(":");
            List<CheckProblem> list = byCheck.computeIfAbsent(p[0], k -> new ArrayList<>());
            if (p.length == 3) {
                list.add(new CheckProblem(p[1], ProblemSeverity.valueOf(p[2]), p[1] + " 问题",
                        "http://site.test/" + p[1] + ".html", null, null));
            }
        }
        for (var e : byCheck.entrySet()) {
            out.add(CheckResult.judged(e.getKey(), e.getKey() + " 已检查", e.getValue(), metrics));
        }
        return out;
    }
}
