package org.egovmonitor.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.platform.SpreadsheetCsv;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the registry in the format import-registry reads, so that export → import is a no-op. The CSV is for
 * people with a spreadsheet: Chinese headers, row types, kinds, groups and statuses (the import reads them back). CSV cells that a
 * spreadsheet would run as formulas carry a leading apostrophe ({@link SpreadsheetCsv}), which the import removes.
 */
public class RegistryExporter {

    public enum Format { YAML, CSV }

    private final Jdbi jdbi;
    private final ObjectMapper yaml;

    public RegistryExporter(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // The caller owns the writer (it may be standard output).
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public void export(Format format, Writer out) throws IOException {
        List<Map<String, Object>> units = new ArrayList<>();
        List<Map<String, Object>> sites = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> liaisons = new ArrayList<>();
        List<Map<String, Object>> leaders = new ArrayList<>();
        jdbi.useTransaction(h -> {
            h.attach(UnitDao.class).findAll().forEach(u -> units.add(unit(u)));
            h.attach(SiteDao.class).list(null, null, null).forEach(s -> sites.add(site(s)));
            h.attach(NetworkNodeDao.class).findAll().forEach(n -> nodes.add(node(n)));
            h.attach(LiaisonDao.class).findAllCurrent().forEach(l -> liaisons.add(liaison(l)));
            h.attach(UnitLeaderDao.class).listAll().forEach(l -> leaders.add(leader(l)));
        });
        if (format == Format.YAML) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("units", units);
            doc.put("sites", sites);
            doc.put("nodes", nodes);
            doc.put("liaisons", liaisons);
            doc.put("leaders", leaders);
            yaml.writeValue(out, doc);
            return;
        }
        // Chinese headers and row types for the office's spreadsheet; the import reads them back (and English).
        SpreadsheetCsv csv = SpreadsheetCsv.open(out, RegistryFileReader.CSV_HEADERS_ZH);
        writeRows(csv, "unit", units);
        writeRows(csv, "site", sites);
        writeRows(csv, "node", nodes);
        writeRows(csv, "liaison", liaisons);
        writeRows(csv, "leader", leaders);
        csv.flush();
    }

    private static void writeRows(SpreadsheetCsv csv, String type, List<Map<String, Object>> rows)
            throws IOException {
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : RegistryFileReader.CSV_COLUMNS) {
                Object v = column.equals("type") ? RegistryFileReader.TYPE_ZH.get(type)
                        : RegistryFileReader.csvValue(type, column, row.get(column));
                if (v instanceof Boolean b) {
                    v = b ? "是" : "否";
                }
                if (v instanceof List<?> list) {
                    v = String.join("|", list.stream().map(Object::toString).toList());
                }
                cells.add(v == null ? "" : v.toString());
            }
            csv.row(cells);
        }
    }

    private static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("kind", u.kind().name());
        putIfPresent(m, "parentCode", u.parentCode());
        m.put("peerGroup", u.peerGroup().name());
        if (!u.aliases().isEmpty()) {
            m.put("aliases", u.aliases());
        }
        if (!u.tags().isEmpty()) {
            m.put("tags", u.tags());
        }
        return m;
    }

    private static Map<String, Object> site(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("name", s.name());
        m.put("kind", s.kind().name());
        m.put("unitCode", s.unitCode());
        m.put("monitored", s.monitored());
        return m;
    }

    private static Map<String, Object> node(NetworkNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitCode", n.unitCode());
        m.put("status", n.status().name());
        putIfPresent(m, "phase", n.phase());
        putIfPresent(m, "connectedOn", n.connectedOn() == null ? null : n.connectedOn().toString());
        putIfPresent(m, "bandwidthMbps", n.bandwidthMbps());
        putIfPresent(m, "terminals", n.terminals());
        putIfPresent(m, "probeHost", n.probeHost());
        putIfPresent(m, "probePort", n.probePort());
        return m;
    }

    private static Map<String, Object> liaison(Liaison l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitCode", l.unitCode());
        m.put("name", l.name());
        putIfPresent(m, "phone", l.phone());
        putIfPresent(m, "email", l.email());
        m.put("since", l.since().toString());
        return m;
    }

    private static Map<String, Object> leader(UnitLeaderDao.UnitLeaderRow l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitCode", l.unitCode());
        m.put("name", l.name());
        m.put("post", l.post());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
