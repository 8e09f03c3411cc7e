package org.egovmonitor.collection;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.platform.SpreadsheetCsv;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.NodeRequest;
import org.egovmonitor.registry.RegistryDocument;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryImporter;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports the office's node survey spreadsheet (CSV, Chinese or English headers), all or nothing.
 *
 * <p>Nothing is validated here: the survey is translated into the registry's own CSV (header names, a {@code type}
 * column, Chinese status and phase values) and handed to {@link RegistryFileReader} and {@link RegistryImporter}, so
 * a survey row is refused for exactly the reasons a registry row would be. Line numbers are mapped back to the
 * survey file. Columns the survey does not have keep the node's registered values (a survey without probe columns
 * does not erase the probe endpoints). Status changes reach the coverage history through the database trigger.
 */
public class NodeSurvey {

    /** Survey headers (lower-cased, spaces and brackets removed) to registry node fields. */
    static final Map<String, String> HEADERS = headers();
    /** Columns a spreadsheet usually carries for people, ignored. */
    static final List<String> IGNORED = List.of("单位名称", "单位", "名称", "name", "unitname", "备注", "note", "序号");
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("已接入", "CONNECTED"), Map.entry("接入", "CONNECTED"), Map.entry("已联通", "CONNECTED"),
            Map.entry("联通", "CONNECTED"), Map.entry("规划", "PLANNED"), Map.entry("计划", "PLANNED"),
            Map.entry("计划接入", "PLANNED"), Map.entry("拟接入", "PLANNED"), Map.entry("未接入", "NOT_CONNECTED"),
            Map.entry("无", "NOT_CONNECTED"));
    private static final Map<String, String> PHASE_WORDS = Map.of("一", "1", "二", "2", "三", "3", "四", "4",
            "五", "5");
    private static final Pattern PHASE = Pattern.compile("^第?([0-9]+|[一二三四五])期?(工程)?$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$");
    private static final Pattern BANDWIDTH = Pattern.compile("^([0-9]+)\\s*(m|mb|mbps|m/s|兆)?$",
            Pattern.CASE_INSENSITIVE);

    private final Jdbi jdbi;
    private final RegistryFileReader reader;
    private final Clock clock;

    public NodeSurvey(Jdbi jdbi, RegistryFileReader reader, Clock clock) {
        this.jdbi = jdbi;
        this.reader = reader;
        this.clock = clock;
    }

    /** What the import did; {@code errors} carry survey line numbers. */
    public record Result(boolean applied, int rows, int nodesChanged, List<FieldError> errors) {
    }

    public Result importCsv(String text) {
        return importCsv(text, false);
    }

    /** With {@code dryRun}, validated and counted as an import would be, and nothing kept (applied is false). */
    public Result importCsv(String text, boolean dryRun) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Translation t;
        try {
            t = translate(csv);
        } catch (IOException | RuntimeException e) {
            return new Result(false, 0, 0, List.of(new FieldError(0, Messages.get("error.registry.file.whole"),
                    Messages.get("error.registry.file.csvSyntax", e.getMessage()))));
        }
        if (!t.errors.isEmpty()) {
            return new Result(false, t.rows, 0, t.errors);
        }
        RegistryFileReader.Result parsed = reader.readCsv(t.registryCsv);
        RegistryFileReader.Result merged = new RegistryFileReader.Result(keepAbsentColumns(parsed.document(),
                t.presentFields), parsed.errors());
        RegistryImporter.Report report = new RegistryImporter(jdbi, clock).importDocument(merged, false, dryRun);
        List<FieldError> errors = report.errors().stream().map(e -> e.line() == null ? e
                : e.atLine(t.originalLine(e.line()))).toList();
        return new Result(report.applied(), t.rows, report.nodesChanged(), errors);
    }

    private RegistryDocument keepAbsentColumns(RegistryDocument doc, List<String> present) {
        Map<String, NetworkNode> existing = new HashMap<>();
        jdbi.useExtension(NetworkNodeDao.class, d -> d.findAll().forEach(n -> existing.put(n.unitCode(), n)));
        List<RegistryDocument.Row<NodeRequest>> rows = new ArrayList<>();
        for (RegistryDocument.Row<NodeRequest> row : doc.nodes()) {
            NodeRequest r = row.value();
            NetworkNode e = r.unitCode() == null ? null : existing.get(r.unitCode().strip());
            if (e != null) {
                r = new NodeRequest(r.unitCode(), pick(present, "status", r.status(), e.status()),
                        pick(present, "phase", r.phase(), e.phase()),
                        pick(present, "connectedOn", r.connectedOn(), e.connectedOn()),
                        pick(present, "bandwidthMbps", r.bandwidthMbps(), e.bandwidthMbps()),
                        pick(present, "terminals", r.terminals(), e.terminals()),
                        pick(present, "probeHost", r.probeHost(), e.probeHost()),
                        pick(present, "probePort", r.probePort(), e.probePort()));
            }
            rows.add(new RegistryDocument.Row<>(row.line(), r));
        }
        return new RegistryDocument(doc.units(), doc.sites(), rows, doc.liaisons(), doc.leaders());
    }

    private static <T> T pick(List<String> present, String field, T fromSurvey, T registered) {
        return present.contains(field) ? fromSurvey : registered;
    }

    /** The survey as registry CSV, one record per line, with a map from its lines back to the survey's. */
    static final class Translation {
        String registryCsv;
        final List<String> presentFields = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();
        int rows;

        int originalLine(int registryLine) {
            int index = registryLine - 2;
            return registryLine <= 1 ? 1 : index < lines.size() ? lines.get(index) : registryLine;
        }
    }

    static Translation translate(String csv) throws IOException {
        Translation t = new Translation();
        CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), in)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                String key = headerKey(header);
                String field = HEADERS.get(key);
                if (field != null) {
                    if (columns.containsValue(field)) {
                        t.errors.add(new FieldError(1, header,
                                Messages.get("error.registry.file.duplicateColumn", field)));
                    }
                    columns.put(header, field);
                } else if (!IGNORED.contains(key)) {
                    t.errors.add(new FieldError(1, header, Messages.get("error.nodeSurvey.unknownColumn")));
                }
            }
            if (!columns.containsValue("unitCode")) {
                t.errors.add(new FieldError(1, "unitCode", Messages.get("error.nodeSurvey.noUnitCodeColumn")));
            }
            if (!t.errors.isEmpty()) {
                return t;
            }
            t.presentFields.addAll(columns.values());
            StringWriter out = new StringWriter();
            List<String> header = new ArrayList<>(List.of("type"));
            header.addAll(columns.values());
            // Through the same writer as the registry export, so the registry reader gives back every value as is.
            SpreadsheetCsv printer = SpreadsheetCsv.open(out, header);
            for (CSVRecord record : parser) {
                t.lines.add((int) parser.getCurrentLineNumber());
                t.rows++;
                List<String> values = new ArrayList<>(List.of("node"));
                for (Map.Entry<String, String> c : columns.entrySet()) {
                    String raw = record.isSet(c.getKey()) ? record.get(c.getKey()) : "";
                    values.add(value(c.getValue(), raw.replaceAll("[\\r\\n]+", " ").strip()));
                }
                printer.row(values);
            }
            printer.flush();
            t.registryCsv = out.toString();
        }
        return t;
    }

    /** Translates the spreadsheet spellings the office uses; anything else passes through to be judged. */
    static String value(String field, String raw) {
        String v = raw.replace('\u3000', ' ').strip();
        switch (field) {
            case "status" -> {
                String mapped = STATUS.get(v);
                return mapped != null ? mapped : v.toUpperCase(Locale.ROOT).replace(' ', '_');
            }
            case "phase" -> {
                Matcher m = PHASE.matcher(v);
                if (m.matches()) {
                    return PHASE_WORDS.getOrDefault(m.group(1), m.group(1));
                }
                return v;
            }
            case "bandwidthMbps" -> {
                Matcher m = BANDWIDTH.matcher(v);
                return m.matches() ? m.group(1) : v;
            }
            case "connectedOn" -> {
                Matcher m = DATE.matcher(v);
                return m.matches() ? String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))) : v;
            }
            default -> {
                return v;
            }
        }
    }

    /** The survey's own Chinese header of each node field, naming the column of an error shown to the office. */
    private static final Map<String, String> FIELD_LABELS = Map.of("unitCode", "单位编码", "status", "状态",
            "phase", "期次", "connectedOn", "接入日期", "bandwidthMbps", "带宽", "terminals", "终端数",
            "probeHost", "探测主机", "probePort", "探测端口");

    /** The errors with their fields named as the survey's Chinese headers. */
    public static List<FieldError> inChinese(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(e.line(), FIELD_LABELS.getOrDefault(e.field(), e.field()),
                e.reason())).toList();
    }

    static String headerKey(String header) {
        return header.replaceAll("[\\s（）()\\[\\]【】]", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> headers() {
        Map<String, String> m = new HashMap<>();
        put(m, "unitCode", "单位编码", "编码", "unitcode", "code");
        put(m, "status", "状态", "接入状态", "status");
        put(m, "phase", "期次", "工程期次", "phase");
        put(m, "connectedOn", "接入日期", "接入时间", "connectedon");
        put(m, "bandwidthMbps", "带宽", "带宽mbps", "带宽m", "bandwidth", "bandwidthmbps");
        put(m, "terminals", "终端数", "终端", "终端数量", "terminals");
        put(m, "probeHost", "探测主机", "probehost");
        put(m, "probePort", "探测端口", "probeport");
        return Map.copyOf(m);
    }

    private static void put(Map<String, String> m, String field, String... headers) {
        for (String h : headers) {
            m.put(h, field);
        }
    }
}
