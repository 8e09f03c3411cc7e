package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.SiteChecks;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteGenerator;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.demo.farm.SiteTruth;
import org.egovmonitor.demo.farm.TechnicalTraits;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo farm shows every technical page check failing on some sites and passing on others: a few generated sites,
 * chosen so that together they show each outcome, are served and measured with the checks, and each check's result
 * must be what the site's {@link TechnicalTraits} say. The farm serves plain HTTP only, so https fails on every farm
 * site (it passes only in {@code NetworkProbeChecksTest}); ipv6 fails on the IPv4 loopback sites and passes on one
 * more site served under a name pinned to {@code ::1} (standing for its AAAA record).
 */
class TechnicalChecksFarmTest {

    private static final LocalDate NOW = LocalDate.of(2025, 4, 15);
    /** The checks judge the homepage and their own probes: no section pages, no link checks (fast). */
    private static final String HOMEPAGE_ONLY = "maxDepth: 0\nmaxLinkChecksPerSite: 0\n";
    private static final Set<String> PAGE_CHECKS = Set.of("viewport", "siteSearch", "soft404", "siteCode", "icp",
            "publicSecurity", "govMark");
    private static final Set<String> NETWORK_CHECKS = Set.of("https", "ipv6");
    private static final String V6_HOST = "www.ipv6.farm.test";

    @Test
    void farmSites_technicalChecks_matchTheirTraits_andEachCheckBothPassesAndFails() {
        SiteGenerator generator = new SiteGenerator();
        List<SiteSpec> specs = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (long seed = 1; seed < 200 && shown.size() < 15; seed++) {
            SiteSpec spec = SiteSpec.random(seed, "127.0.30." + (1 + specs.size()), 0, NOW);
            Map<String, String> expected = expected(generator.generate(spec).technical());
            List<String> outcomes = expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            if (!shown.containsAll(outcomes)) {
                shown.addAll(outcomes);
                specs.add(spec);
            }
        }
        // 7 checks passing and failing, and the search both missing and broken
        assertThat(shown).hasSize(15);
        // one more site, under a name pinned to ::1 (standing for its AAAA record): ipv6 passes there
        boolean v6 = ipv6Loopback();
        if (v6) {
            specs.add(SiteSpec.random(specs.get(0).seed(), V6_HOST, 0, NOW));
        }

        CrawlerFiles files = CrawlerFiles.load(null);
        SiteChecks checks = new SiteChecks(files.checks().checks().stream()
                .filter(c -> PAGE_CHECKS.contains(c.id()) || NETWORK_CHECKS.contains(c.id())).toList(),
                files.checks().maxCheckPagesPerSite());
        try (SiteFarm farm = SiteFarm.start(specs);
             MeasurementEngine engine = MeasurementEngine.withChecks(MeasureTestSupport.localSettings(HOMEPAGE_ONLY)
                     .withFetch(f -> f.withAllowedPrivate(List.of(CidrRange.parse("::1/128")))
                             .withHostOverrides(Map.of(V6_HOST, "[::1]:" + farm.port()))), null,
                     CrawlerFiles.defaultCatalog(), checks)) {
            int ipv6Passed = 0;
            for (String host : farm.hosts()) {
                SiteTruth truth = farm.truth(host);
                SiteMeasurement m = engine.measure(URI.create(truth.url()), truth.kind(), truth.now());
                Map<String, String> seen = new TreeMap<>();
                for (CheckResult r : m.checks()) {
                    seen.put(r.check(), r.problems().isEmpty() ? r.outcome().name() : r.problems().get(0).code());
                }
                // nothing listens for TLS on 443 of a farm address (refused: https_missing; were something else
                // there, its certificate would not be for this address: https_certificate_invalid)
                assertThat(seen.remove("https")).as(host).isIn("https_missing", "https_certificate_invalid");
                String ipv6 = seen.remove("ipv6");
                assertThat(ipv6).as(host).isEqualTo(host.equals(V6_HOST) ? "PASSED" : "ipv6_missing");
                ipv6Passed += "PASSED".equals(ipv6) ? 1 : 0;
                assertThat(seen).as(host).isEqualTo(new TreeMap<>(expected(farm.site(host).technical())));
            }
            assertThat(ipv6Passed).isEqualTo(v6 ? 1 : 0);
        }
    }

    /** Whether this machine has an IPv6 loopback (the farm's wildcard socket then answers on it too). */
    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Each check's outcome, or its problem's code, as a site's traits make it. */
    private static Map<String, String> expected(TechnicalTraits t) {
        return Map.of(
                "viewport", t.viewport() ? "PASSED" : "viewport_missing",
                "siteCode", t.siteCode() != null ? "PASSED" : "site_code_missing",
                "icp", t.icp() ? "PASSED" : "icp_missing",
                "publicSecurity", t.publicSecurity() != null ? "PASSED" : "public_security_missing",
                "govMark", t.govMark() ? "PASSED" : "gov_mark_missing",
                "siteSearch", switch (t.search()) {
                    case FORM -> "PASSED";
                    case NONE -> "search_missing";
                    case BROKEN -> "search_broken";
                },
                "soft404", t.soft404() ? "soft_404" : "PASSED");
    }
}
