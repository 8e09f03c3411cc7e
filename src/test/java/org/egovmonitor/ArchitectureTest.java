package org.egovmonitor;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The package graph of the production code (docs/architecture.md): every package sits in one layer of a fixed order,
 * a package may only use packages below it, and no set of packages depends on itself. New packages must be placed
 * here, so the order cannot be bypassed by adding one.
 */
class ArchitectureTest {

    /**
     * Bottom to top. Each entry is one layer: a package (".." = with its subpackages). The order is the data flow
     * of docs/architecture.md: shared helpers, the HTTP edge and the database infrastructure first; then the
     * features, each above what it reads; the wiring (configuration, commands, the application) last.
     */
    static final List<String> LAYERS = List.of(
            "org.egovmonitor.platform",
            "org.egovmonitor.errors",
            "org.egovmonitor.web",
            "org.egovmonitor.db",
            "org.egovmonitor.auth",
            "org.egovmonitor.reviews",
            "org.egovmonitor.registry",
            "org.egovmonitor.crawler.fetch",
            "org.egovmonitor.crawler.parse",
            "org.egovmonitor.crawler.check",
            "org.egovmonitor.crawler.classify",
            "org.egovmonitor.crawler.inspect",
            "org.egovmonitor.crawler.measure",
            "org.egovmonitor.collection",
            "org.egovmonitor.observations",
            "org.egovmonitor.scoring..",
            "org.egovmonitor.retention",
            "org.egovmonitor.bulletins",
            "org.egovmonitor.alerts",
            "org.egovmonitor.jobs",
            "org.egovmonitor.rectification",
            "org.egovmonitor.dashboards",
            "org.egovmonitor.demo.farm",
            "org.egovmonitor.demo",
            "org.egovmonitor.config",
            "org.egovmonitor.cli",
            "org.egovmonitor");

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.egovmonitor");
    }

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            rule = rule.layer(layer).definedBy(layer);
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size());
            rule = above.isEmpty()
                    ? rule.whereLayer(LAYERS.get(i)).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        rule.check(production);
    }

    @Test
    void noPackagesDependOnEachOther() {
        slices().matching("org.egovmonitor.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void everyProductionPackageIsPlacedInALayer() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : production) {
            String pkg = c.getPackageName();
            boolean placed = LAYERS.stream().anyMatch(l -> l.endsWith("..")
                    ? pkg.equals(l.substring(0, l.length() - 2)) || pkg.startsWith(l.substring(0, l.length() - 1))
                    : pkg.equals(l));
            if (!placed) {
                unplaced.add(pkg);
            }
        }
        assertEquals(Set.of(), unplaced, "packages missing from ArchitectureTest.LAYERS");
    }
}
