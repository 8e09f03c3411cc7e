package org.egovmonitor.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chizhou demo registry (src/main/resources/demo/chizhou-registry.yml), derived from the 2003 speech in
 * shared/seed. Imported through the normal importer, rows flagged as demo data; importing again changes nothing.
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
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
