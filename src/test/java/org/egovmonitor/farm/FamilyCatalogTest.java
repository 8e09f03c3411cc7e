package org.egovmonitor.farm;

import static org.assertj.core.api.Assertions.assertThat;

import org.egovmonitor.api.SiteKind;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.classify.SectionClassifier;
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.junit.jupiter.api.Test;

/** The farm and the crawler share one definition of the families (crawlers/sections.yml). */
class FamilyCatalogTest {

    private final SectionCatalog catalog = CrawlerFiles.defaultCatalog();
    private final SectionClassifier classifier = new SectionClassifier(catalog);

    @Test
    void synonyms_everyFarmSynonym_isRecognisedAsItsFamily() {
        for (FamilyCatalog.Family f : FamilyCatalog.ALL) {
            for (String synonym : f.synonyms()) {
                assertThat(classifier.exactFamilyOf(synonym)).as(synonym).contains(f.id());
            }
        }
    }

    @Test
    void windows_everyFarmFamily_hasTheCatalogueWindow() {
        for (FamilyCatalog.Family f : FamilyCatalog.ALL) {
            SectionFamily family = catalog.family(f.id()).orElseThrow();
            assertThat(f.windowDays()).as(f.id()).isEqualTo(family.windowDays() == null ? 0 : family.windowDays());
        }
    }

    @Test
    void required_eachKind_isTheCatalogues() {
        for (SiteKind kind : SiteKind.values()) {
            assertThat(FamilyCatalog.REQUIRED.get(kind)).isEqualTo(catalog.requiredFamilies(kind));
        }
    }
}
