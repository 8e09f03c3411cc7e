package org.egovmonitor.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one way rule files in {@code crawlers/} ({@code crawl.yml}, {@code sections.yml}, {@code indicators.yml}) are
 * read: YAML mapped onto a record of boxed fields (so that a missing key is seen, not defaulted), unknown keys
 * refused (a typo must not fall back to a default silently), and every problem — YAML syntax, wrong type, unknown
 * key, or a broken rule found by the file's own checks — reported as a {@link RuleFileException} naming the file,
 * the line, the field path and the reason in Chinese.
 *
 * @param <T> the file's shape
 */
public final class RuleFile<T> {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // 1.5 where a whole number belongs is a mistake to report, not to truncate
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final String source;
    private final String text;
    private final T content;
    private final Map<String, Integer> lines;

    private RuleFile(String source, String text, T content, Map<String, Integer> lines) {
        this.source = source;
        this.text = text;
        this.content = content;
        this.lines = lines;
    }

    /** Reads {@code file}; its path names it in messages. */
    public static <T> RuleFile<T> read(Path file, Class<T> shape) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(file.toString(), 0, "",
                    "无法读取文件（" + e.getMessage() + "）")), e);
        }
        return parse(yaml, file.toString(), shape);
    }

    /**
     * Parses {@code yaml} as {@code shape}; {@code source} names it in messages (a path, or {@code jar:…} for a
     * bundled copy). An empty file has null {@link #content()}.
     */
    public static <T> RuleFile<T> parse(String yaml, String source, Class<T> shape) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            // YAML syntax: the parser knows where it was, not always in which field
            String field = e.getProcessor() instanceof JsonParser p ? contextPath(p.getParsingContext()) : "";
            throw new RuleFileException(List.of(new RuleFileException.Problem(source, line(e.getLocation()), field,
                    "YAML 语法错误（" + e.getOriginalMessage().strip() + "）")), e);
        }
        Map<String, Integer> lines = lineIndex(yaml);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new RuleFile<>(source, yaml, null, lines);
        }
        try {
            return new RuleFile<>(source, yaml, MAPPER.readValue(yaml, shape), lines);
        } catch (JsonMappingException e) {
            String field = path(e.getPath());
            Integer line = lines.get(field);
            throw new RuleFileException(List.of(new RuleFileException.Problem(source,
                    line != null ? line : line(e.getLocation()), field, reason(e, tree))), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YAML that parsed once fails to parse again", e);
        }
    }

    public String source() {
        return source;
    }

    /** The file's text as read (e.g. to fingerprint the rules a result was computed under). */
    public String text() {
        return text;
    }

    /** The file's content, or null for an empty file. */
    public T content() {
        return content;
    }

    /**
     * The line of {@code field}, else of its nearest enclosing field present in the file (a missing key's block);
     * line 1 for the file as a whole.
     */
    public int lineOf(String field) {
        for (String f = field; !f.isEmpty(); f = parent(f)) {
            Integer line = lines.get(f);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** The file's own checks: throws naming every problem with its line, or returns when there is none. */
    public void check(RuleProblems problems) {
        if (!problems.isEmpty()) {
            throw failure(problems.list(), null);
        }
    }

    /**
     * Builds a value from the checked content; an {@link InvalidRulesException} from the value's own invariants is
     * reported against this file like any other problem.
     */
    public <R> R build(Function<T, R> builder) {
        try {
            return builder.apply(content);
        } catch (InvalidRulesException e) {
            throw failure(e.problems(), e);
        }
    }

    /** The problems as one exception naming this file and each field's line. */
    public RuleFileException failure(List<RuleProblem> problems, Throwable cause) {
        return new RuleFileException(problems.stream().map(p -> new RuleFileException.Problem(source,
                lineOf(p.field()), p.field(), p.reason())).toList(), cause);
    }

    private static String parent(String field) {
        int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
        return cut < 0 ? "" : field.substring(0, cut);
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /** Every field path of the file with the line it starts on: where a check's problem is reported. */
    private static Map<String, Integer> lineIndex(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                // a block's opening token already stands in the block; its path is the enclosing one's
                String field = t.isStructStart() ? contextPath(context.getParent()) : contextPath(context);
                lines.putIfAbsent(field, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            throw new IllegalStateException("YAML that parsed once fails to parse again", e);
        }
        return lines;
    }

    private static String contextPath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = contextPath(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        String name = context.getCurrentName();
        return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String reason(JsonMappingException e, JsonNode tree) {
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return "未知的键（可用的键：" + String.join("、", known) + "）";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "必须是" + typeName(m.getTargetType()) + found(nodeAt(tree, e.getPath()));
        }
        return "无法读取（" + e.getOriginalMessage() + "）";
    }

    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : references) {
            node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
        }
        return node;
    }

    /** What the file holds where the mismatch is, e.g. "，实为 abc" or "，实为一个列表". */
    private static String found(JsonNode node) {
        if (node.isMissingNode()) {
            return "";
        }
        if (node.isObject()) {
            return "，实为一个映射";
        }
        if (node.isArray()) {
            return "，实为一个列表";
        }
        return "，实为 " + node.asText();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " true 或 false";
        }
        if (type == String.class) {
            return "一个文本";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "一个列表";
        }
        return "一个映射（键: 值）";
    }
}
