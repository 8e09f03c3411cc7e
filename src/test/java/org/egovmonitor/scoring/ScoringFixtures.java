package org.egovmonitor.scoring;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitKind;

/** Evidence built by hand: a unit that earns full marks, and small changes to it. */
public final class ScoringFixtures {

    public static final LocalDate DAY = LocalDate.of(2024, 6, 30);
    public static final SectionCatalog SECTIONS = SectionCatalog.load(Path.of("crawlers", "sections.yml"));
    public static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load(Path.of("crawlers", "indicators.yml"),
            SECTIONS);
    /**
     * The catalogue before the inspection checks (13 indicators, their 2024.1 weights): rule tables and tests of the
     * calculator's arithmetic pin their points to it, independent of the shipping weights.
     */
    public static final IndicatorCatalogue EDITION_2024_1 = IndicatorCatalogue.load(
            Path.of("src", "test", "resources", "scoring", "indicators-2024.1.yml"), SECTIONS);

    private ScoringFixtures() {
    }

    public static Unit unit(String code, UnitKind kind) {
        return new Unit(code, "单位" + code, kind, null, kind.defaultPeerGroup(), List.of(), List.of(), false);
    }

    public static Section section(String family, LocalDate newest, int items, int inWindow, boolean blank) {
        return new Section(family, family + "栏目", "http://site.test/" + family + "/", 200, newest, items, inWindow,
                blank, List.of());
    }

    /** Every required family present and fresh, 10 news items in the 14-day window, no broken links. */
    public static List<Section> healthySections() {
        return List.of(
                section("news", DAY, 20, 10, false),
                section("notices", DAY.minusDays(30), 20, 3, false),
                section("policy", DAY.minusDays(60), 20, 2, false),
                section("open_gov", null, 5, 0, false),
                section("service_guide", null, 8, 0, false),
                section("mailbox", null, 1, 0, false),
                section("org_info", null, 3, 0, false));
    }

    public static SiteMeasurement measurement(LocalDate homepageNewest, List<Section> sections, List<String> missing,
                                       List<SiteMeasurement.BrokenLink> broken) {
        return new SiteMeasurement("http://site.test/", "http://site.test/index.html", "DEPARTMENT", true, 200, 120,
                "UTF-8", null, new SiteMeasurement.Homepage(homepageNewest, 12, false, List.of()), sections, missing, broken, 30,
                List.of(), "hash", DAY);
    }

    /** Every inspection check of crawlers/checks.yml run and passed. */
    public static final List<CheckResult> PASSED_CHECKS = java.util.stream.Stream.of("serviceGuides", "misusedWords",
            "leaderNames", "outdatedNames", "sensitiveWords", "https", "ipv6", "viewport", "siteSearch", "soft404",
            "siteCode", "icp", "publicSecurity", "govMark", "hiddenLinks", "navigationLinks", "thirdPartyScripts")
            .map(id -> CheckResult.judged(id, id + " 已检查，未发现问题", List.of(), java.util.Map.of())).toList();

    public static SiteMeasurement healthyMeasurement() {
        SiteMeasurement m = measurement(DAY, healthySections(), List.of(), List.of());
        return new SiteMeasurement(m.url(), m.finalUrl(), m.kind(), m.reachable(), m.status(), m.responseMs(),
                m.charset(), m.errorKind(), m.homepage(), m.sections(), m.missingFamilies(), m.brokenLinks(),
                m.pagesFetched(), m.errors(), m.contentHash(), m.measuredOn(), m.fetches(), m.linkChecks(),
                m.linksNotChecked(), PASSED_CHECKS);
    }

    public static UnitEvidence.SiteEvidence site(SiteMeasurement m, int samples, int failures) {
        return site(1, SiteKind.DEPARTMENT, m, samples, failures);
    }

    public static UnitEvidence.SiteEvidence site(long id, SiteKind kind, SiteMeasurement m, int samples, int failures) {
        return new UnitEvidence.SiteEvidence(id, "http://site" + id + ".test/", kind, m,
                m == null ? "尚未抓取" : null, samples, failures, failures == 0 ? null
                : new UnitEvidence.ProbeFailure(DAY.minusDays(1), "http://site" + id + ".test/", 503, "HTTP_ERROR"));
    }

    public static UnitEvidence.LanReport fullReport() {
        return new UnitEvidence.LanReport(DAY.minusDays(30), true, 20, 20, true, true,
                List.of("oa", "vertical_network", "video_conference", "database"));
    }

    /** A department with full marks on every indicator. */
    public static UnitEvidence healthy(String code) {
        return new UnitEvidence(unit(code, UnitKind.DEPARTMENT), List.of(site(healthyMeasurement(), 1000, 0)),
                new UnitEvidence.NodeEvidence(NodeStatus.CONNECTED, 1, 100, 0, "10.0.0.1:80"), fullReport(),
                new UnitEvidence.LiaisonFacts("张三", "0566-1234567", DAY.minusYears(1)),
                new UnitEvidence.Contributions(10, 30), new UnitEvidence.InteractionFacts(List.of()));
    }

    public static UnitEvidence withSites(UnitEvidence e, List<UnitEvidence.SiteEvidence> sites) {
        return new UnitEvidence(e.unit(), sites, e.node(), e.lanReport(), e.liaison(), e.contributions(),
                e.interaction());
    }

    public static UnitEvidence withMeasurement(UnitEvidence e, SiteMeasurement m) {
        return withSites(e, List.of(site(m, 1000, 0)));
    }

    public static UnitEvidence withUnit(UnitEvidence e, Unit unit) {
        return new UnitEvidence(unit, e.sites(), e.node(), e.lanReport(), e.liaison(), e.contributions(),
                e.interaction());
    }

    public static UnitEvidence withNode(UnitEvidence e, UnitEvidence.NodeEvidence node) {
        return new UnitEvidence(e.unit(), e.sites(), node, e.lanReport(), e.liaison(), e.contributions(),
                e.interaction());
    }

    public static UnitEvidence withReport(UnitEvidence e, UnitEvidence.LanReport report) {
        return new UnitEvidence(e.unit(), e.sites(), e.node(), report, e.liaison(), e.contributions(),
                e.interaction());
    }

    public static UnitEvidence withLiaison(UnitEvidence e, UnitEvidence.LiaisonFacts liaison) {
        return new UnitEvidence(e.unit(), e.sites(), e.node(), e.lanReport(), liaison, e.contributions(),
                e.interaction());
    }

    public static UnitEvidence withContributions(UnitEvidence e, UnitEvidence.Contributions c) {
        return new UnitEvidence(e.unit(), e.sites(), e.node(), e.lanReport(), e.liaison(), c, e.interaction());
    }

    public static UnitEvidence withInteraction(UnitEvidence e, UnitEvidence.InteractionFacts i) {
        return new UnitEvidence(e.unit(), e.sites(), e.node(), e.lanReport(), e.liaison(), e.contributions(), i);
    }

    public static List<Section> replace(List<Section> base, List<Section> extra) {
        List<Section> out = new ArrayList<>(base);
        out.addAll(extra);
        return out;
    }

    public static IndicatorResult indicator(UnitScore score, String id) {
        return score.indicators().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    public static List<Finding> findings(UnitScore score, String id, FindingKind kind) {
        return score.findings().stream().filter(f -> f.indicator().equals(id) && f.kind() == kind).toList();
    }
}
