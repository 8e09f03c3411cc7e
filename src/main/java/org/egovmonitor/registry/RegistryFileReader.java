package org.egovmonitor.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.JsonFieldErrors;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.platform.SpreadsheetCsv;
import org.egovmonitor.platform.UploadedText;

/**
 * Reads a registry file (YAML or CSV, see docs/registry-format.md) into typed rows, collecting every problem with
 * its line number instead of stopping at the first.
 */
public final class RegistryFileReader {

    /** The fields each kind of row may carry (CSV columns and YAML keys). */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "unit", Set.of("code", "name", "kind", "parentCode", "peerGroup", "aliases", "tags"),
            "site", Set.of("url", "name", "kind", "unitCode", "monitored"),
            "node", Set.of("unitCode", "status", "phase", "connectedOn", "bandwidthMbps", "terminals", "probeHost",
                    "probePort"),
            "liaison", Set.of("unitCode", "name", "phone", "email", "since"),
            "leader", Set.of("unitCode", "name", "post"));
    static final List<String> CSV_COLUMNS = List.of("type", "code", "name", "kind", "parentCode", "peerGroup",
            "aliases", "tags", "url", "unitCode", "monitored", "status", "phase", "connectedOn", "bandwidthMbps",
            "terminals", "probeHost", "probePort", "phone", "email", "since", "post");
    /**
     * The Chinese column headers, in CSV_COLUMNS order: what the export writes. The import reads these, the field
     * names themselves, and the other spellings of {@link #HEADER_SYNONYMS}.
     */
    static final List<String> CSV_HEADERS_ZH = List.of("类型", "编码", "名称", "类别", "上级单位", "同类组",
            "别名", "标签", "网址", "所属单位", "是否监测", "接入状态", "期次", "接入日期", "带宽Mbps",
            "终端数", "探测主机", "探测端口", "电话", "邮箱", "任职日期", "职务");
    /** Header (as {@link #headerKey} normalises it) → field; the spellings an office types in a spreadsheet. */
    static final Map<String, String> HEADER_SYNONYMS = headerSynonyms();
    /** Row type values: the English ones and the Chinese the export writes. */
    static final Map<String, String> TYPE_VALUES = Map.ofEntries(Map.entry("unit", "unit"), Map.entry("site", "site"),
            Map.entry("node", "node"), Map.entry("liaison", "liaison"), Map.entry("leader", "leader"),
            Map.entry("单位", "unit"), Map.entry("网站", "site"), Map.entry("节点", "node"), Map.entry("联络员", "liaison"),
            Map.entry("领导", "leader"));
    /** The "field" of an error about the whole file rather than one of its values. */
    static final String WHOLE_FILE = Messages.get("error.registry.file.whole");
    static final Map<String, String> TYPE_ZH = Map.of("unit", "单位", "site", "网站", "node", "节点", "liaison", "联络员",
            "leader", "领导");
    private static final Map<String, String> SECTION_TO_TYPE = Map.of(
            "units", "unit", "sites", "site", "nodes", "node", "liaisons", "liaison", "leaders", "leader");
    static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private final ObjectMapper mapper;

    public RegistryFileReader(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The parsed rows and every problem found; the document is only usable when the list is empty. */
    public record Result(RegistryDocument document, List<FieldError> errors) {
    }

    public Result read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return new Result(empty(),
                    List.of(FieldError.of(WHOLE_FILE, Messages.get("error.registry.file.tooLarge"))));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        Optional<String> decoded = UploadedText.decode(bytes);
        if (decoded.isEmpty()) {
            return new Result(empty(),
                    List.of(FieldError.of(WHOLE_FILE, Messages.get("error.registry.file.encoding"))));
        }
        String text = decoded.get();
        if (name.endsWith(".csv")) {
            return readCsv(text);
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return readYaml(text);
        }
        return new Result(empty(), List.of(FieldError.of(WHOLE_FILE, Messages.get("error.registry.file.type"))));
    }

    public Result readYaml(String text) {
        Collector c = new Collector();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            p.setCodec(mapper);
            JsonToken first = p.nextToken();
            if (first == null) {
                return c.result();
            }
            if (first != JsonToken.START_OBJECT) {
                c.error(line(p.currentTokenLocation()), WHOLE_FILE,
                        Messages.get("error.registry.file.topLevel"));
                return c.result();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                int sectionLine = line(p.currentTokenLocation());
                JsonToken value = p.nextToken();
                String type = SECTION_TO_TYPE.get(section);
                if (type == null) {
                    c.error(sectionLine, section, Messages.get("error.registry.file.unknownSection"));
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    c.error(sectionLine, section, Messages.get("error.field.list"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int rowLine = line(p.currentTokenLocation());
                    JsonNode node = p.readValueAsTree();
                    if (!(node instanceof ObjectNode obj)) {
                        c.error(rowLine, section, Messages.get("error.registry.file.rowMapping"));
                        continue;
                    }
                    c.add(type, rowLine, obj);
                }
            }
        } catch (JsonProcessingException e) {
            c.error(line(e.getLocation()), WHOLE_FILE,
                    Messages.get("error.registry.file.yamlSyntax", e.getOriginalMessage()));
        } catch (IOException e) {
            c.error(0, WHOLE_FILE, Messages.get("error.registry.file.unreadable", e.getMessage()));
        }
        return c.result();
    }

    public Result readCsv(String text) {
        Collector c = new Collector();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            // Column header as written → field name; unknown and repeated columns are errors of line 1.
            Map<String, String> fields = new LinkedHashMap<>();
            for (String column : parser.getHeaderNames()) {
                String field = HEADER_SYNONYMS.get(headerKey(column));
                if (field == null) {
                    c.error(1, column,
                            Messages.get("error.registry.file.unknownColumn", String.join("、", CSV_HEADERS_ZH)));
                } else if (fields.containsValue(field)) {
                    c.error(1, column, Messages.get("error.registry.file.duplicateColumn", field));
                } else {
                    fields.put(column, field);
                }
            }
            String typeColumn = fields.entrySet().stream().filter(e -> e.getValue().equals("type"))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (typeColumn == null) {
                c.error(1, "type", Messages.get("error.registry.file.noTypeColumn"));
            }
            if (!c.errors.isEmpty()) {
                return c.result();
            }
            for (CSVRecord record : parser) {
                int rowLine = (int) parser.getCurrentLineNumber();
                String type = TYPE_VALUES.get(
                        SpreadsheetCsv.restore(record.get(typeColumn)).strip().toLowerCase(Locale.ROOT));
                Set<String> allowed = type == null ? null : FIELDS.get(type);
                if (allowed == null) {
                    c.error(rowLine, "type", Messages.get("error.registry.file.badType"));
                    continue;
                }
                ObjectNode obj = mapper.createObjectNode();
                for (Map.Entry<String, String> f : fields.entrySet()) {
                    String header = f.getKey();
                    String column = f.getValue();
                    if (column.equals("type") || !record.isSet(header)) {
                        continue;
                    }
                    // An exported cell that would read as a formula carries a leading apostrophe (SpreadsheetCsv).
                    String value = SpreadsheetCsv.restore(record.get(header));
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (!allowed.contains(column)) {
                        c.error(rowLine, header, Messages.get("error.registry.file.unusedColumn", TYPE_ZH.get(type)));
                    } else if (column.equals("aliases") || column.equals("tags")) {
                        ArrayNode list = obj.putArray(column);
                        for (String part : value.split("\\|")) {
                            list.add(part.strip());
                        }
                    } else if (constantOf(type, column, value) != null) {
                        obj.put(column, constantOf(type, column, value));
                    } else if (column.equals("monitored") && YES_NO.containsKey(value)) {
                        obj.put(column, YES_NO.get(value));
                    } else {
                        obj.put(column, value);
                    }
                }
                c.add(type, rowLine, obj);
            }
        } catch (IOException | RuntimeException e) {
            c.error(0, WHOLE_FILE, Messages.get("error.registry.file.csvSyntax", e.getMessage()));
        }
        return c.result();
    }

    /** The Chinese column header of a field, for errors shown to people ("kind" → "类别"); others as they are. */
    public static String fieldLabel(String field) {
        int i = field == null ? -1 : CSV_COLUMNS.indexOf(field);
        return i < 0 ? field : CSV_HEADERS_ZH.get(i);
    }

    /** The errors with their fields named by the Chinese headers (the page shows them to the office). */
    public static List<FieldError> inChinese(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(e.line(), fieldLabel(e.field()), e.reason())).toList();
    }

    /** The enum a column of a row type holds, for the Chinese names a spreadsheet carries; null for other columns. */
    private static Class<? extends Enum<?>> enumOf(String type, String column) {
        return switch (type + "." + column) {
            case "unit.kind" -> UnitKind.class;
            case "unit.peerGroup" -> PeerGroup.class;
            case "site.kind" -> SiteKind.class;
            case "node.status" -> NodeStatus.class;
            default -> null;
        };
    }

    private static String label(Enum<?> constant) {
        if (constant instanceof UnitKind k) {
            return k.label();
        }
        if (constant instanceof PeerGroup g) {
            return g.label();
        }
        if (constant instanceof SiteKind k) {
            return k.label();
        }
        return ((NodeStatus) constant).label();
    }

    /** The constant whose Chinese name {@code value} is ("市直部门" → DEPARTMENTS), or null. */
    static String constantOf(String type, String column, String value) {
        Class<? extends Enum<?>> e = enumOf(type, column);
        if (e == null) {
            return null;
        }
        for (Enum<?> c : e.getEnumConstants()) {
            if (label(c).equals(value)) {
                return c.name();
            }
        }
        return null;
    }

    /** The Chinese name the CSV export writes for a constant of an enum column; other values as they are. */
    static Object csvValue(String type, String column, Object value) {
        Class<? extends Enum<?>> e = enumOf(type, column);
        if (e == null || value == null) {
            return value;
        }
        for (Enum<?> c : e.getEnumConstants()) {
            if (c.name().equals(value.toString())) {
                return label(c);
            }
        }
        return value;
    }

    private static final Map<String, Boolean> YES_NO = Map.of("是", true, "否", false);

    /** A header as compared: without spaces and brackets, lower case ("带宽（Mbps）" → "带宽mbps"). */
    static String headerKey(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s（）()\\[\\]【】]", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> headerSynonyms() {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < CSV_COLUMNS.size(); i++) {
            m.put(headerKey(CSV_COLUMNS.get(i)), CSV_COLUMNS.get(i));
            m.put(headerKey(CSV_HEADERS_ZH.get(i)), CSV_COLUMNS.get(i));
        }
        synonyms(m, "type", "行类型", "记录类型", "登记类型");
        synonyms(m, "code", "单位编码", "代码", "单位代码");
        synonyms(m, "name", "单位名称", "网站名称", "姓名");
        synonyms(m, "kind", "单位类别", "网站类别", "种类");
        synonyms(m, "parentCode", "上级单位编码", "上级编码", "上级");
        synonyms(m, "peerGroup", "分组", "考核分组");
        synonyms(m, "aliases", "简称", "别称");
        synonyms(m, "url", "网站", "网站地址", "网站网址");
        synonyms(m, "unitCode", "所属单位编码", "归属单位");
        synonyms(m, "monitored", "监测", "是否监控");
        synonyms(m, "status", "状态", "节点状态");
        synonyms(m, "phase", "工程期次");
        synonyms(m, "connectedOn", "接入时间");
        synonyms(m, "bandwidthMbps", "带宽", "bandwidth");
        synonyms(m, "terminals", "终端", "终端数量");
        synonyms(m, "phone", "联系电话", "手机");
        synonyms(m, "email", "电子邮箱", "电子邮件");
        synonyms(m, "since", "任职日期", "起始日期", "任职时间");
        synonyms(m, "post", "领导职务", "职位");
        return Map.copyOf(m);
    }

    private static void synonyms(Map<String, String> m, String field, String... headers) {
        for (String h : headers) {
            if (m.putIfAbsent(headerKey(h), field) != null && !m.get(headerKey(h)).equals(field)) {
                throw new IllegalStateException("header " + h + " means two fields");
            }
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static RegistryDocument empty() {
        return new RegistryDocument(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Accumulates rows and errors across the whole file. */
    private final class Collector {
        final List<RegistryDocument.Row<UnitRequest>> units = new ArrayList<>();
        final List<RegistryDocument.Row<SiteRequest>> sites = new ArrayList<>();
        final List<RegistryDocument.Row<NodeRequest>> nodes = new ArrayList<>();
        final List<RegistryDocument.Row<LiaisonRequest>> liaisons = new ArrayList<>();
        final List<RegistryDocument.Row<LeaderRequest>> leaders = new ArrayList<>();
        final List<FieldError> errors = new ArrayList<>();

        void error(int line, String field, String reason) {
            errors.add(new FieldError(line, field, reason));
        }

        void add(String type, int line, ObjectNode obj) {
            try {
                switch (type) {
                    case "unit" -> units.add(new RegistryDocument.Row<>(line, mapper.treeToValue(obj, UnitRequest.class)));
                    case "site" -> sites.add(new RegistryDocument.Row<>(line, mapper.treeToValue(obj, SiteRequest.class)));
                    case "node" -> nodes.add(new RegistryDocument.Row<>(line, mapper.treeToValue(obj, NodeRequest.class)));
                    case "liaison" -> liaisons.add(
                            new RegistryDocument.Row<>(line, mapper.treeToValue(obj, LiaisonRequest.class)));
                    case "leader" -> leaders.add(
                            new RegistryDocument.Row<>(line, mapper.treeToValue(obj, LeaderRequest.class)));
                    default -> throw new IllegalStateException(type);
                }
            } catch (JsonMappingException e) {
                errors.add(JsonFieldErrors.from(e).atLine(line));
            } catch (JsonProcessingException e) {
                error(line, Messages.get("error.registry.file.row"),
                        Messages.get("error.registry.file.unparseable", e.getOriginalMessage()));
            }
        }

        Result result() {
            return new Result(new RegistryDocument(units, sites, nodes, liaisons, leaders), errors);
        }
    }

    /** Reads the bundled demo registry. */
    public Result readResource(String resource) throws IOException {
        try (InputStream in = RegistryFileReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing resource " + resource);
            }
            return readYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
