package org.egovmonitor.crawler.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.egovmonitor.crawler.parse.EntryPageWords;
import org.egovmonitor.crawler.parse.ListVocabulary;
import org.egovmonitor.crawler.parse.MessageVocabulary;
import org.egovmonitor.crawler.parse.ScriptListReader;
import org.egovmonitor.crawler.parse.SubColumnFinder;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.egovmonitor.registry.SiteKind;

/**
 * The section families, required families per site kind, blank placeholders, decoy patterns and the words that read
 * messages on interactive sections, loaded from
 * {@code crawlers/sections.yml} (every key is documented in that file). Validated on load: a bad file fails with a
 * {@link SectionCatalogException} listing every problem by key, so the app stops at start with a clear message.
 * Immutable and thread-safe once loaded.
 */
public final class SectionCatalog {

    /** The catalogue's default location, relative to the working directory (the app's install folder). */
    public static final Path DEFAULT_PATH = Path.of("crawlers", "sections.yml");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private static final Pattern URL_HINT = Pattern.compile("[A-Za-z0-9_\\-]+");

    private final List<SectionFamily> families;
    private final Map<String, SectionFamily> byId;
    private final Map<SiteKind, List<String>> required;
    private final List<String> blankPlaceholders;
    private final Set<String> decoyQueryKeys;
    private final List<String> decoyPathFragments;
    private final List<String> unitNameSuffixes;
    private final int maxContainsLength;
    private final int maxContainsExtra;
    private final List<String> interactiveFamilies;
    private final MessageVocabulary messageVocabulary;
    private final EntryPageWords entryPageWords;
    private final ListVocabulary listVocabulary;
    private final SubColumnFinder.Words subColumnWords;

    private static final Pattern SCRIPT_KEY = Pattern.compile("[A-Za-z_$][\\w$]{0,40}");

    /** Default of {@code maxContainsExtra} when the file does not set it. */
    static final int DEFAULT_MAX_CONTAINS_EXTRA = 4;

    /** The file's shape; field names are the YAML keys. */
    record File(Integer maxContainsLength, Integer maxContainsExtra, List<FamilyEntry> families,
                Map<String, List<String>> requiredFamilies, List<String> blankPlaceholders, Decoys decoys,
                Messages messages, EntryPages entryPages, Dates dates, ColumnIndex columnIndex) {
    }

    /** The {@code columnIndex:} block; optional (without it no page is an index of columns). */
    record ColumnIndex(Integer maxTitleChars, List<String> urlNames, List<String> notColumnTexts,
                       List<String> homeTexts, List<String> menuClassHints, List<String> footerClassHints) {
    }

    record FamilyEntry(String id, String name, List<String> synonyms, Integer windowDays, Boolean shouldUpdate,
                       Boolean thematic, List<String> shortLabels, List<String> urlHints) {
    }

    record Decoys(List<String> queryKeys, List<String> pathContains, List<String> unitNameSuffixes) {
    }

    record EntryPages(List<String> entryTexts, Integer maxEntryTextLength, Integer maxEntryPageLinks,
                      List<String> mainFrameNames) {
    }

    record Messages(List<String> families, List<String> answered, List<String> pending, List<String> askedLabels,
                    List<String> repliedLabels, List<String> replyLabels, List<String> statusHeaders) {
    }

    /** The {@code dates:} block; optional (a catalogue without it reads no labels and no URL dates). */
    record Dates(Integer futureToleranceDays, List<String> labels, List<String> todayWords, List<String> urlPatterns,
                 ScriptRecords scriptRecords) {
    }

    /** The {@code dates.scriptRecords:} block; optional (without it no script-rendered list is read). */
    record ScriptRecords(List<String> titleKeys, List<String> dateKeys, List<String> urlKeys) {
    }

    private SectionCatalog(File f) {
        List<SectionFamily> list = new ArrayList<>();
        Map<String, SectionFamily> ids = new LinkedHashMap<>();
        for (FamilyEntry e : f.families()) {
            SectionFamily family = new SectionFamily(e.id(), e.name(), List.copyOf(e.synonyms()), e.windowDays(),
                    Boolean.TRUE.equals(e.shouldUpdate()), Boolean.TRUE.equals(e.thematic()), e.shortLabels(),
                    e.urlHints() == null ? List.of()
                            : e.urlHints().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
            list.add(family);
            ids.put(family.id(), family);
        }
        this.families = List.copyOf(list);
        this.byId = Collections.unmodifiableMap(ids);
        Map<SiteKind, List<String>> req = new EnumMap<>(SiteKind.class);
        f.requiredFamilies().forEach((k, v) -> req.put(SiteKind.valueOf(k), List.copyOf(v)));
        this.required = Collections.unmodifiableMap(req);
        this.blankPlaceholders = List.copyOf(f.blankPlaceholders());
        Set<String> keys = new LinkedHashSet<>();
        f.decoys().queryKeys().forEach(k -> keys.add(k.toLowerCase(Locale.ROOT)));
        this.decoyQueryKeys = Collections.unmodifiableSet(keys);
        this.decoyPathFragments = f.decoys().pathContains().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        this.unitNameSuffixes = f.decoys().unitNameSuffixes() == null ? List.of()
                : f.decoys().unitNameSuffixes().stream().map(SectionText::normalize).toList();
        this.maxContainsLength = f.maxContainsLength();
        this.maxContainsExtra = f.maxContainsExtra() == null ? DEFAULT_MAX_CONTAINS_EXTRA : f.maxContainsExtra();
        Messages m = f.messages();
        this.interactiveFamilies = List.copyOf(m.families());
        this.messageVocabulary = new MessageVocabulary(m.answered(), m.pending(), m.askedLabels(), m.repliedLabels(),
                m.replyLabels(), m.statusHeaders());
        EntryPages e = f.entryPages();
        this.entryPageWords = e == null ? EntryPageWords.NONE : new EntryPageWords(e.entryTexts(),
                e.maxEntryTextLength(), e.maxEntryPageLinks(), e.mainFrameNames());
        this.listVocabulary = listVocabulary(f.dates(), f.columnIndex(), m.families(), ids);
        ColumnIndex c = f.columnIndex();
        this.subColumnWords = c == null ? SubColumnFinder.Words.NONE : new SubColumnFinder.Words(
                orEmpty(c.notColumnTexts()), orEmpty(c.homeTexts()), orEmpty(c.menuClassHints()),
                orEmpty(c.footerClassHints()));
    }

    /**
     * The date words of the file; the message families' names and synonyms (县长信箱, 咨询投诉, 留言 …) and URL hints
     * mark the homepage blocks that list letters and forum posts, never the site's news.
     */
    private static ListVocabulary listVocabulary(Dates d, ColumnIndex c, List<String> messageFamilies,
                                                 Map<String, SectionFamily> families) {
        List<String> words = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (String id : messageFamilies) {
            SectionFamily family = families.get(id);
            words.add(family.name());
            words.addAll(family.synonyms());
            hints.addAll(family.urlHints());
        }
        int maxColumnChars = c == null || c.maxTitleChars() == null ? 0 : c.maxTitleChars();
        List<String> columnNames = c == null ? List.of() : orEmpty(c.urlNames());
        if (d == null) {
            return new ListVocabulary(0, List.of(), List.of(), List.of(), words, hints, maxColumnChars, columnNames,
                    ScriptListReader.Keys.NONE);
        }
        return new ListVocabulary(d.futureToleranceDays() == null ? 0 : d.futureToleranceDays(),
                orEmpty(d.labels()), orEmpty(d.todayWords()),
                orEmpty(d.urlPatterns()).stream().map(Pattern::compile).toList(), words, hints, maxColumnChars,
                columnNames, scriptKeys(d.scriptRecords()));
    }

    private static ScriptListReader.Keys scriptKeys(ScriptRecords r) {
        return r == null ? ScriptListReader.Keys.NONE
                : new ScriptListReader.Keys(orEmpty(r.titleKeys()), orEmpty(r.dateKeys()), orEmpty(r.urlKeys()));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Loads and validates a catalogue file. */
    public static SectionCatalog load(Path path) {
        String yaml;
        try {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SectionCatalogException("Cannot read the section catalogue " + path + ": " + e.getMessage(), e);
        }
        return parse(yaml, path.toString());
    }

    /** Loads {@link #DEFAULT_PATH} ({@code crawlers/sections.yml} under the working directory). */
    public static SectionCatalog loadDefault() {
        return load(DEFAULT_PATH);
    }

    /** Parses and validates catalogue text; {@code source} names it in error messages. */
    public static SectionCatalog parse(String yaml, String source) {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        File file;
        try {
            file = mapper.readValue(yaml, File.class);
        } catch (JsonProcessingException e) {
            throw new SectionCatalogException(source + " is not a valid section catalogue: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (file == null) {
            throw new SectionCatalogException(source + " is empty");
        }
        List<String> problems = validate(file);
        if (!problems.isEmpty()) {
            throw new SectionCatalogException(source + " is invalid:\n - " + String.join("\n - ", problems));
        }
        return new SectionCatalog(file);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    static List<String> validate(File f) {
        List<String> problems = new ArrayList<>();
        if (f.maxContainsLength() == null || f.maxContainsLength() <= 0) {
            problems.add("maxContainsLength must be a positive number, was " + f.maxContainsLength());
        }
        if (f.maxContainsExtra() != null && f.maxContainsExtra() < 0) {
            problems.add("maxContainsExtra must be zero or more, was " + f.maxContainsExtra());
        }
        Map<String, FamilyEntry> ids = new HashMap<>();
        Map<String, String> synonymOwner = new HashMap<>();
        Map<String, String> hintOwner = new HashMap<>();
        if (f.families() == null || f.families().isEmpty()) {
            problems.add("families must list at least one family");
        } else {
            for (int i = 0; i < f.families().size(); i++) {
                validateFamily(f.families().get(i), "families[" + i + "]", ids, synonymOwner, hintOwner, problems);
            }
        }
        if (f.requiredFamilies() == null) {
            problems.add("requiredFamilies is missing");
        } else {
            for (SiteKind kind : SiteKind.values()) {
                if (!f.requiredFamilies().containsKey(kind.name())) {
                    problems.add("requiredFamilies." + kind.name() + " is missing");
                }
            }
            f.requiredFamilies().forEach((kind, list) -> {
                String key = "requiredFamilies." + kind;
                if (!isSiteKind(kind)) {
                    problems.add(key + ": unknown site kind '" + kind + "' (expected one of PORTAL, DEPARTMENT, "
                            + "COUNTY, TOWNSHIP_PAGE)");
                }
                if (list == null) {
                    problems.add(key + " must be a list of family ids");
                    return;
                }
                for (String id : list) {
                    FamilyEntry family = ids.get(id);
                    if (family == null) {
                        problems.add(key + " names unknown family '" + id + "'");
                    } else if (Boolean.TRUE.equals(family.thematic())) {
                        problems.add(key + " names thematic family '" + id + "'; thematic families are optional");
                    }
                }
                if (new LinkedHashSet<>(list).size() != list.size()) {
                    problems.add(key + " lists a family twice");
                }
            });
        }
        if (f.blankPlaceholders() == null || f.blankPlaceholders().isEmpty()
                || f.blankPlaceholders().stream().anyMatch(p -> p == null || p.isBlank())) {
            problems.add("blankPlaceholders must be a list of non-blank texts");
        }
        if (f.decoys() == null) {
            problems.add("decoys is missing");
        } else {
            if (f.decoys().queryKeys() == null || f.decoys().queryKeys().stream().anyMatch(k -> k == null
                    || k.isBlank())) {
                problems.add("decoys.queryKeys must be a list of non-blank parameter names");
            }
            if (f.decoys().pathContains() == null || f.decoys().pathContains().stream().anyMatch(k -> k == null
                    || k.isBlank())) {
                problems.add("decoys.pathContains must be a list of non-blank path fragments");
            }
            if (f.decoys().unitNameSuffixes() != null && f.decoys().unitNameSuffixes().stream()
                    .anyMatch(k -> k == null || SectionText.normalize(k).isEmpty())) {
                problems.add("decoys.unitNameSuffixes must be a list of non-blank words");
            }
        }
        validateMessages(f.messages(), ids, problems);
        validateEntryPages(f.entryPages(), problems);
        validateDates(f.dates(), problems);
        if (f.columnIndex() != null) {
            if (f.columnIndex().maxTitleChars() == null || f.columnIndex().maxTitleChars() < 1) {
                problems.add("columnIndex.maxTitleChars must be a positive number of characters");
            }
            if (f.columnIndex().urlNames() == null || f.columnIndex().urlNames().stream()
                    .anyMatch(n -> n == null || !URL_HINT.matcher(n).matches())) {
                problems.add("columnIndex.urlNames must be a list of names of letters, digits, - or _");
            }
            ColumnIndex c = f.columnIndex();
            for (List<String> words : Arrays.asList(c.notColumnTexts(), c.homeTexts(), c.menuClassHints(),
                    c.footerClassHints())) {
                if (words != null && words.stream().anyMatch(w -> w == null || w.isBlank() || w.equals("*"))) {
                    problems.add("columnIndex: notColumnTexts, homeTexts, menuClassHints and footerClassHints must "
                            + "be lists of non-blank words");
                    break;
                }
            }
        }
        return problems;
    }

    /** Optional as a whole; when present every key is, with non-blank words and sane bounds. */
    private static void validateEntryPages(EntryPages e, List<String> problems) {
        if (e == null) {
            return;
        }
        if (e.entryTexts() == null || e.entryTexts().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("entryPages.entryTexts must be a list of non-blank texts");
        }
        if (e.mainFrameNames() == null || e.mainFrameNames().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("entryPages.mainFrameNames must be a list of non-blank frame names");
        }
        if (e.maxEntryTextLength() == null || e.maxEntryTextLength() < 0 || e.maxEntryTextLength() > 100) {
            problems.add("entryPages.maxEntryTextLength must be between 0 and 100, was " + e.maxEntryTextLength());
        }
        if (e.maxEntryPageLinks() == null || e.maxEntryPageLinks() < 1 || e.maxEntryPageLinks() > 100) {
            problems.add("entryPages.maxEntryPageLinks must be between 1 and 100, was " + e.maxEntryPageLinks());
        }
    }

    /** Tolerance zero or more, words non-blank letters, each URL pattern a valid regex with groups y, m and d. */
    private static void validateDates(Dates d, List<String> problems) {
        if (d == null) {
            return;
        }
        if (d.futureToleranceDays() != null && (d.futureToleranceDays() < 0 || d.futureToleranceDays() > 31)) {
            problems.add("dates.futureToleranceDays must be 0 to 31 days, was " + d.futureToleranceDays());
        }
        for (String w : orEmpty(d.labels())) {
            if (w == null || w.isEmpty() || !w.chars().allMatch(Character::isLetterOrDigit)) {
                problems.add("dates.labels: '" + w + "' must be letters or digits only (the colon is read anyway)");
            }
        }
        for (String w : orEmpty(d.todayWords())) {
            if (w == null || w.isBlank()) {
                problems.add("dates.todayWords must be a list of non-blank words");
            }
        }
        if (d.scriptRecords() != null) {
            ScriptRecords r = d.scriptRecords();
            for (List<String> keys : Arrays.asList(r.titleKeys(), r.dateKeys(), r.urlKeys())) {
                if (keys == null || keys.isEmpty()
                        || keys.stream().anyMatch(k -> k == null || !SCRIPT_KEY.matcher(k).matches())) {
                    problems.add("dates.scriptRecords: titleKeys, dateKeys and urlKeys must each list script keys "
                            + "(letters, digits, _ or $, not starting with a digit)");
                    break;
                }
            }
        }
        for (String p : orEmpty(d.urlPatterns())) {
            try {
                String groups = Pattern.compile(p).pattern();
                if (!groups.contains("(?<y>") || !groups.contains("(?<m>") || !groups.contains("(?<d>")) {
                    problems.add("dates.urlPatterns: '" + p + "' must have the named groups y, m and d");
                }
            } catch (PatternSyntaxException | NullPointerException e) {
                problems.add("dates.urlPatterns: '" + p + "' is not a valid regular expression");
            }
        }
    }

    /** Every list present and non-empty, families known, each word in one list only, words of letters only. */
    private static void validateMessages(Messages m, Map<String, FamilyEntry> ids, List<String> problems) {
        if (m == null) {
            problems.add("messages is missing");
            return;
        }
        if (m.families() == null || m.families().isEmpty()) {
            problems.add("messages.families must list at least one family id");
        } else {
            for (String id : m.families()) {
                if (!ids.containsKey(id)) {
                    problems.add("messages.families names unknown family '" + id + "'");
                }
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("answered", m.answered());
        lists.put("pending", m.pending());
        lists.put("askedLabels", m.askedLabels());
        lists.put("repliedLabels", m.repliedLabels());
        lists.put("replyLabels", m.replyLabels());
        lists.put("statusHeaders", m.statusHeaders());
        Map<String, String> owner = new HashMap<>();
        lists.forEach((name, words) -> {
            String key = "messages." + name;
            if (words == null || words.isEmpty()) {
                problems.add(key + " must list at least one word");
                return;
            }
            for (String w : words) {
                if (w == null || w.isEmpty() || !w.chars().allMatch(Character::isLetterOrDigit)) {
                    problems.add(key + ": '" + w + "' must be letters or digits only (no spaces or punctuation)");
                    continue;
                }
                String other = owner.putIfAbsent(w, name);
                if (other != null) {
                    problems.add(key + ": '" + w + "' is " + (other.equals(name) ? "listed twice"
                            : "also in messages." + other));
                }
            }
        });
    }

    private static void validateFamily(FamilyEntry e, String key, Map<String, FamilyEntry> ids,
                                       Map<String, String> synonymOwner, Map<String, String> hintOwner,
                                       List<String> problems) {
        if (e == null) {
            problems.add(key + " is empty");
            return;
        }
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            problems.add(key + ".id must be lower-case letters, digits and _, was '" + e.id() + "'");
        } else if (ids.putIfAbsent(e.id(), e) != null) {
            problems.add(key + ".id '" + e.id() + "' is used by two families");
        }
        String label = key + " (" + e.id() + ")";
        if (e.name() == null || e.name().isBlank()) {
            problems.add(label + ".name is missing");
        }
        if (e.windowDays() != null && e.windowDays() <= 0) {
            problems.add(label + ".windowDays must be a positive number of days or null, was " + e.windowDays());
        }
        if (e.shouldUpdate() == null) {
            problems.add(label + ".shouldUpdate is missing (true or false)");
        }
        if (e.thematic() == null) {
            problems.add(label + ".thematic is missing (true or false)");
        }
        if (e.synonyms() == null || e.synonyms().isEmpty()) {
            problems.add(label + ".synonyms must list at least one synonym");
            return;
        }
        List<String> texts = new ArrayList<>(e.synonyms());
        if (e.name() != null) {
            texts.add(e.name());
        }
        if (e.shortLabels() != null) {
            texts.addAll(e.shortLabels());
        }
        for (String hint : e.urlHints() == null ? List.<String>of() : e.urlHints()) {
            if (hint == null || !URL_HINT.matcher(hint).matches()) {
                problems.add(label + ".urlHints: '" + hint + "' must be letters, digits, - or _ (a directory or file "
                        + "name without extension)");
                continue;
            }
            String owner = hintOwner.putIfAbsent(hint.toLowerCase(Locale.ROOT), String.valueOf(e.id()));
            if (owner != null) {
                problems.add(label + ".urlHints: '" + hint + "' is " + (owner.equals(String.valueOf(e.id()))
                        ? "listed twice" : "also a hint of family '" + owner + "'"));
            }
        }
        for (String synonym : texts) {
            String normalized = SectionText.normalize(synonym);
            if (normalized.isEmpty()) {
                problems.add(label + ".synonyms has an empty synonym '" + synonym + "'");
                continue;
            }
            String owner = synonymOwner.putIfAbsent(normalized, String.valueOf(e.id()));
            if (owner != null && !owner.equals(String.valueOf(e.id()))) {
                problems.add(label + ".synonyms: '" + synonym + "' is also a synonym of family '" + owner + "'");
            }
        }
    }

    private static boolean isSiteKind(String name) {
        for (SiteKind k : SiteKind.values()) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public List<SectionFamily> families() {
        return families;
    }

    public Optional<SectionFamily> family(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The family ids a site of this kind must have, in catalogue order. */
    public List<String> requiredFamilies(SiteKind kind) {
        return required.getOrDefault(kind, List.of());
    }

    public List<String> blankPlaceholders() {
        return blankPlaceholders;
    }

    public int maxContainsLength() {
        return maxContainsLength;
    }

    /** How many characters a link text may carry beyond the synonym it contains and still name that family. */
    public int maxContainsExtra() {
        return maxContainsExtra;
    }

    /** Families whose sections list messages (信箱, 留言): their list pages are read for messages and replies. */
    public List<String> interactiveFamilies() {
        return interactiveFamilies;
    }

    /** The words and patterns item dates are read by, and the words of message lists that never date a homepage. */
    public ListVocabulary listVocabulary() {
        return listVocabulary;
    }

    /** The words of sub-column finding ({@code columnIndex:}): paging texts, home links, menu and footer classes. */
    public SubColumnFinder.Words subColumnWords() {
        return subColumnWords;
    }

    /** The words messages and replies are read by. */
    public MessageVocabulary messageVocabulary() {
        return messageVocabulary;
    }

    /** The words that recognise splash, frame and redirect homepages ({@code entryPages:}). */
    public EntryPageWords entryPageWords() {
        return entryPageWords;
    }

    /** A (normalised) link text that ends like the name of a unit (交通局, 投资促进中心). */
    public boolean endsLikeUnitName(String normalizedText) {
        for (String suffix : unitNameSuffixes) {
            if (normalizedText.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A search or keyword link (a decoy query key or path fragment), never a section. */
    public boolean isDecoy(String url) {
        String path = UrlNormalizer.path(url);
        if (path != null) {
            String p = path.toLowerCase(Locale.ROOT);
            for (String fragment : decoyPathFragments) {
                if (p.contains(fragment)) {
                    return true;
                }
            }
        }
        String query = UrlNormalizer.query(url);
        if (query != null) {
            for (String pair : query.split("[&;]")) {
                int eq = pair.indexOf('=');
                String name = (eq >= 0 ? pair.substring(0, eq) : pair).toLowerCase(Locale.ROOT);
                if (decoyQueryKeys.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
