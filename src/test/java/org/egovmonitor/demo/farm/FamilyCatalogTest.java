package org.egovmonitor.demo.farm;

import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionClassifier;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.registry.SiteKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The farm and the crawler share one definition of the families (crawlers/sections.yml). */
class FamilyCatalogTest {

    /**
     * The families each kind must have, written out here from design §4 (the comments of {@code requiredFamilies} in
     * crawlers/sections.yml): the farm's truth and the crawler's catalogue must both say exactly this. A change to
     * the required families is a design change and is made here too.
     */
    private static final Map<SiteKind, List<String>> REQUIRED = Map.of(
            SiteKind.PORTAL, List.of("open_gov", "news", "notices", "policy", "service_guide", "downloads",
                    "online_service", "mailbox", "forum", "org_info", "overview"),
            SiteKind.DEPARTMENT, List.of("open_gov", "news", "notices", "policy", "service_guide", "mailbox",
                    "org_info"),
            SiteKind.COUNTY, List.of("open_gov", "news", "notices", "policy", "service_guide", "mailbox", "org_info",
                    "overview"),
            SiteKind.TOWNSHIP_PAGE, List.of("news", "notices", "overview", "open_gov"));

    private final SectionCatalog catalog = CrawlerFiles.defaultCatalog();
    private final SectionClassifier classifier = new SectionClassifier(catalog);

    @Test
    void families_farmAndCatalogue_sameTwentyOneIds() {
        assertThat(FamilyCatalog.ALL).hasSize(21);
        assertThat(FamilyCatalog.ALL).extracting(FamilyCatalog.Family::id)
                .containsExactlyInAnyOrderElementsOf(catalog.families().stream().map(SectionFamily::id).toList());
    }

    @Test
    void synonyms_everyFarmSynonym_isRecognisedAsItsFamily() {
        assertThat(FamilyCatalog.ALL).hasSize(21).allSatisfy(f -> assertThat(f.synonyms()).as(f.id()).isNotEmpty());
        for (FamilyCatalog.Family f : FamilyCatalog.ALL) {
            for (String synonym : f.synonyms()) {
                assertThat(classifier.exactFamilyOf(synonym)).as(synonym).contains(f.id());
            }
        }
    }

    @Test
    void windows_everyFarmFamily_hasTheCatalogueWindow() {
        assertThat(FamilyCatalog.ALL).hasSize(21);
        for (FamilyCatalog.Family f : FamilyCatalog.ALL) {
            SectionFamily family = catalog.family(f.id()).orElseThrow();
            assertThat(f.windowDays()).as(f.id()).isEqualTo(family.windowDays() == null ? 0 : family.windowDays());
        }
    }

    @Test
    void required_eachKind_asTheDesignSays() {
        assertThat(REQUIRED).containsOnlyKeys(SiteKind.values());
        for (SiteKind kind : SiteKind.values()) {
            assertThat(FamilyCatalog.REQUIRED.get(kind)).as("farm, " + kind).isEqualTo(REQUIRED.get(kind));
            assertThat(catalog.requiredFamilies(kind)).as("crawler, " + kind).isEqualTo(REQUIRED.get(kind));
        }
    }

    @Test
    void required_everyFamily_generatedByTheFarmAndNotThematic() {
        assertThat(FamilyCatalog.REQUIRED).containsOnlyKeys(SiteKind.values());
        for (List<String> families : FamilyCatalog.REQUIRED.values()) {
            assertThat(families).isNotEmpty().allSatisfy(id -> {
                assertThat(FamilyCatalog.exists(id)).as(id).isTrue();
                assertThat(catalog.family(id).orElseThrow().thematic()).as(id).isFalse();
            });
        }
    }
}
