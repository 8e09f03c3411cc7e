package org.egovmonitor.demo.farm;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.egovmonitor.registry.SiteKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.demo.farm.FarmFixtures.NOW;
import static org.egovmonitor.demo.farm.FarmFixtures.randomSpec;

class SiteGeneratorTest {

    private final SiteGenerator generator = new SiteGenerator();

    @Test
    void generate_sameSpec_sameBytesAndTruth() {
        for (long seed = 0; seed < 30; seed++) {
            GeneratedSite a = generator.generate(randomSpec(seed));
            GeneratedSite b = generator.generate(randomSpec(seed));
            assertThat(a.truth()).isEqualTo(b.truth());
            assertThat(a.traits()).isEqualTo(b.traits());
            assertThat(a.pages().keySet()).isEqualTo(b.pages().keySet());
            a.pages().forEach((path, page) -> assertThat(b.pages().get(path).body()).as(path)
                    .isEqualTo(page.body()));
            assertThat(a.detailPaths()).isEqualTo(b.detailPaths());
            for (String path : a.detailPaths()) {
                assertThat(b.respond(path).body()).as(path).isEqualTo(a.respond(path).body());
            }
        }
    }

    @Test
    void generate_differentSeeds_differentSites() {
        assertThat(generator.generate(randomSpec(1)).respond("/").body())
                .isNotEqualTo(generator.generate(randomSpec(2)).respond("/").body());
    }


    @Test
    void generate_200Seeds_coverEveryFeature() {
        Set<PageLayout> layouts = EnumSet.noneOf(PageLayout.class);
        Set<PageCharset> charsets = EnumSet.noneOf(PageCharset.class);
        Set<DecoyKind> decoys = EnumSet.noneOf(DecoyKind.class);
        Set<SiteKind> kinds = EnumSet.noneOf(SiteKind.class);
        Set<Boolean> navOnly = new HashSet<>();
        int blank = 0;
        int stale = 0;
        int missing = 0;
        int broken = 0;
        int yearless = 0;
        int paged = 0;
        int undatedEntries = 0;
        for (long seed = 0; seed < 200; seed++) {
            GeneratedSite site = generator.generate(randomSpec(seed));
            SiteTruth t = site.truth();
            layouts.add(site.traits().layout());
            charsets.add(site.traits().charset());
            decoys.addAll(site.traits().decoys());
            kinds.add(t.kind());
            navOnly.add(t.homepage().navOnly());
            blank += t.sections().stream().anyMatch(SiteTruth.Section::blank) ? 1 : 0;
            stale += site.traits().staleFamilies().isEmpty() ? 0 : 1;
            missing += t.missingFamilies().isEmpty() ? 0 : 1;
            broken += t.brokenLinks().isEmpty() ? 0 : 1;
            yearless += site.traits().yearlessDates() ? 1 : 0;
            paged += site.traits().paged() ? 1 : 0;
            undatedEntries += t.sections().stream().anyMatch(s -> s.items() > 0 && s.newestDate() == null)
                    ? 1 : 0;
        }
        assertThat(layouts).containsExactlyInAnyOrder(PageLayout.values());
        assertThat(charsets).containsExactlyInAnyOrder(PageCharset.values());
        assertThat(decoys).containsExactlyInAnyOrder(DecoyKind.values());
        assertThat(kinds).containsExactlyInAnyOrder(SiteKind.values());
        assertThat(navOnly).containsExactlyInAnyOrder(true, false);
        assertThat(List.of(blank, stale, missing, broken, yearless, paged, undatedEntries))
                .allSatisfy(n -> assertThat(n).isBetween(10, 190));
    }


    @Test
    void generate_anySeed_noDateAfterNowAndCountsAreConsistent() {
        LongStream.range(0, 200).forEach(seed -> {
            SiteSpec spec = randomSpec(seed);
            SiteTruth t = generator.generate(spec).truth();
            if (t.homepage().newestDate() != null) {
                assertThat(t.homepage().newestDate()).isBeforeOrEqualTo(spec.now());
            }
            assertThat(t.homepage().navOnly()).isEqualTo(t.homepage().datedItems() == 0
                    || t.homepage().navOnly());
            assertThat(t.sections()).as("seed " + seed).isNotEmpty();
            for (SiteTruth.Section s : t.sections()) {
                assertThat(s.blank()).isEqualTo(s.items() == 0);
                assertThat(s.itemsInWindow()).isBetween(0, s.items());
                if (FamilyCatalog.windowDays(s.family()) == 0) {
                    assertThat(s.itemsInWindow()).isZero();
                }
                if (s.newestDate() != null) {
                    assertThat(s.newestDate()).isBeforeOrEqualTo(spec.now());
                }
                assertThat(FamilyCatalog.byId(s.family()).synonyms()).contains(s.title());
            }
            Set<String> present = new HashSet<>();
            t.sections().forEach(s -> present.add(s.family()));
            assertThat(t.missingFamilies()).doesNotContainAnyElementsOf(present);
            assertThat(FamilyCatalog.REQUIRED.get(t.kind())).containsAll(t.missingFamilies());
            assertThat(present).hasSize(t.sections().size());
        });
    }

    @Test
    void generate_overrides_areHonoured() {
        SiteSpec.Overrides o = new SiteSpec.Overrides(Set.of("news", "notices", "policy", "service_guide",
                "mailbox"), Set.of("policy"), Set.of("news"), PageLayout.TABLE_2003,
                PageCharset.GBK_HEADER_SAYS_UTF8, 2, true);
        for (long seed = 0; seed < 20; seed++) {
            SiteSpec spec = new SiteSpec(seed, "127.0.1.9", 8080, SiteKind.COUNTY, "东至县人民政府", NOW,
                    List.of(), o);
            GeneratedSite site = generator.generate(spec);
            SiteTruth t = site.truth();
            assertThat(t.sections()).extracting(SiteTruth.Section::family)
                    .containsExactlyInAnyOrder("news", "notices", "policy", "service_guide", "mailbox");
            assertThat(t.section("policy").blank()).isTrue();
            assertThat(t.section("news").newestDate()).isBefore(NOW.minusDays(14));
            assertThat(t.section("notices").newestDate()).isAfterOrEqualTo(NOW.minusDays(180));
            // The required list is the crawler catalogue's (crawlers/sections.yml), minus the families present.
            assertThat(t.missingFamilies()).containsExactlyElementsOf(FamilyCatalog.REQUIRED.get(SiteKind.COUNTY)
                    .stream().filter(f -> !Set.of("news", "notices", "policy", "service_guide", "mailbox")
                            .contains(f)).toList());
            assertThat(t.missingFamilies()).contains("open_gov", "org_info", "overview");
            assertThat(t.brokenLinks()).hasSize(2);
            assertThat(t.homepage().navOnly()).isTrue();
            assertThat(site.traits().layout()).isEqualTo(PageLayout.TABLE_2003);
            assertThat(site.respond("/").contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(FarmFixtures.validIn(site.respond("/").body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isFalse();
        }
    }

    @Test
    void generate_navOnlyFalse_homepageHasDatedItems() {
        SiteSpec.Overrides o = new SiteSpec.Overrides(null, Set.of(), Set.of(), PageLayout.MODERN, null, 0,
                false);
        for (long seed = 0; seed < 20; seed++) {
            SiteTruth t = generator.generate(new SiteSpec(seed, "www.chizhou.gov.cn", 80, SiteKind.PORTAL,
                    "池州市人民政府", NOW, List.of(), o)).truth();
            assertThat(t.url()).isEqualTo("http://www.chizhou.gov.cn/");
            assertThat(t.homepage().navOnly()).isFalse();
            assertThat(t.homepage().datedItems()).isPositive();
            assertThat(t.brokenLinks()).isEmpty();
            assertThat(t.sections()).noneMatch(SiteTruth.Section::blank);
        }
    }
}
