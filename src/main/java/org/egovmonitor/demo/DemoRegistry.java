package org.egovmonitor.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.egovmonitor.demo.farm.FarmWording;
import org.egovmonitor.registry.RegistryDocument;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryImporter;
import org.egovmonitor.registry.UnitLeader;
import org.egovmonitor.registry.UnitLeaderDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chizhou demo registry (src/main/resources/demo/chizhou-registry.yml), derived from the 2003 speech in
 * shared/seed. Imported through the normal importer, rows flagged as demo data; importing again changes nothing.
 * The demo registry file lists no leaders (they derive from generated site names), so the demo gives its units
 * theirs here: the ones the farm's pages name
 * ({@link FarmWording#leaders}, from the name of the unit's first site as the farm generates it), so the wording
 * check has leaders to read those pages against.
 */
public final class DemoRegistry {

    public static final String RESOURCE = "/demo/chizhou-registry.yml";
    private static final Logger LOG = LoggerFactory.getLogger(DemoRegistry.class);

    private DemoRegistry() {
    }

    public static RegistryImporter.Report load(org.jdbi.v3.core.Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        try {
            RegistryFileReader.Result parsed = new RegistryFileReader(mapper).readResource(RESOURCE);
            RegistryImporter.Report report = new RegistryImporter(jdbi, clock).importDocument(parsed, true);
            if (!report.applied()) {
                // Names the row, the field and the unit: the office must be able to see what blocked the start.
                throw new IllegalStateException("演示登记表导入失败：" + report.errors().stream()
                        .map(org.egovmonitor.errors.FieldError::describe).collect(java.util.stream.Collectors.joining("；")));
            }
            LOG.info("Demo registry loaded: {} rows, {} changed", report.rows(), report.changed());
            giveLeaders(jdbi, parsed.document());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives every demo unit with a site the farm's leaders for that site, unless the unit has leaders already: a
     * restart keeps what the office entered (a list the office emptied is filled again: it was demo data).
     */
    static void giveLeaders(org.jdbi.v3.core.Jdbi jdbi, RegistryDocument document) {
        java.util.Map<String, String> firstSite = new java.util.LinkedHashMap<>();
        for (RegistryDocument.Row<org.egovmonitor.registry.SiteRequest> row : document.sites()) {
            firstSite.putIfAbsent(row.value().unitCode(), DemoSites.generatedName(row.value()));
        }
        jdbi.useTransaction(h -> {
            UnitLeaderDao dao = h.attach(UnitLeaderDao.class);
            firstSite.forEach((unit, siteName) -> {
                if (dao.list(unit).isEmpty()) {
                    java.util.List<FarmWording.Leader> leaders = FarmWording.leaders(siteName);
                    dao.replace(unit, java.util.stream.IntStream.range(0, leaders.size())
                            .mapToObj(i -> new UnitLeader(leaders.get(i).name(), leaders.get(i).post(), i)).toList());
                }
            });
        });
    }
}
