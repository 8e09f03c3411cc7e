package org.egovmonitor.crawler.classify;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.egovmonitor.platform.RuleFile;
import org.egovmonitor.platform.RuleProblems;
import org.egovmonitor.registry.SiteKind;

/**
 * The section families, required families per site kind, blank placeholders, decoy patterns and the words that read
 * messages on interactive sections, loaded from {@code crawlers/sections.yml} (every key is documented in that file).
 * Validated on load by {@link RuleFile}: a bad file fails with a {@code RuleFileException} naming every problem by
 * line and key, so the app stops at start with a clear message. Immutable and thread-safe once loaded.
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
        return checked(RuleFile.read(path, File.class));
    }

    /** Loads {@link #DEFAULT_PATH} ({@code crawlers/sections.yml} under the working directory). */
    public static SectionCatalog loadDefault() {
        return load(DEFAULT_PATH);
    }

    /** Parses and validates catalogue text; {@code source} names it in error messages. */
    public static SectionCatalog parse(String yaml, String source) {
        return checked(RuleFile.parse(yaml, source, File.class));
    }

    private static SectionCatalog checked(RuleFile<File> file) {
        RuleProblems problems = new RuleProblems();
        if (file.content() == null) {
            problems.add("", "文件为空");
        } else {
            validate(file.content(), problems);
        }
        file.check(problems);
        return new SectionCatalog(file.content());
    }

    static void validate(File f, RuleProblems problems) {
        if (f.maxContainsLength() == null || f.maxContainsLength() <= 0) {
            problems.add("maxContainsLength", "必须是正整数，实为 " + f.maxContainsLength());
        }
        if (f.maxContainsExtra() != null && f.maxContainsExtra() < 0) {
            problems.add("maxContainsExtra", "必须是 0 或正整数，实为 " + f.maxContainsExtra());
        }
        Map<String, FamilyEntry> ids = new HashMap<>();
        Map<String, String> synonymOwner = new HashMap<>();
        Map<String, String> hintOwner = new HashMap<>();
        if (f.families() == null || f.families().isEmpty()) {
            problems.add("families", "至少要列出一个栏目族");
        } else {
            for (int i = 0; i < f.families().size(); i++) {
                validateFamily(f.families().get(i), "families[" + i + "]", ids, synonymOwner, hintOwner, problems);
            }
        }
        validateRequired(f.requiredFamilies(), ids, problems);
        if (f.blankPlaceholders() == null || f.blankPlaceholders().isEmpty()
                || f.blankPlaceholders().stream().anyMatch(p -> p == null || p.isBlank())) {
            problems.add("blankPlaceholders", "必须是非空文本的列表");
        }
        if (f.decoys() == null) {
            problems.add("decoys", "缺少此项");
        } else {
            if (f.decoys().queryKeys() == null || f.decoys().queryKeys().stream().anyMatch(k -> k == null
                    || k.isBlank())) {
                problems.add("decoys.queryKeys", "必须是非空参数名的列表");
            }
            if (f.decoys().pathContains() == null || f.decoys().pathContains().stream().anyMatch(k -> k == null
                    || k.isBlank())) {
                problems.add("decoys.pathContains", "必须是非空路径片段的列表");
            }
            if (f.decoys().unitNameSuffixes() != null && f.decoys().unitNameSuffixes().stream()
                    .anyMatch(k -> k == null || SectionText.normalize(k).isEmpty())) {
                problems.add("decoys.unitNameSuffixes", "必须是非空词语的列表");
            }
        }
        validateMessages(f.messages(), ids, problems);
        validateEntryPages(f.entryPages(), problems);
        validateDates(f.dates(), problems);
        validateColumnIndex(f.columnIndex(), problems);
    }

    /** Every site kind listed, with known, non-thematic families, each once. */
    private static void validateRequired(Map<String, List<String>> required, Map<String, FamilyEntry> ids,
                                         RuleProblems problems) {
        if (required == null) {
            problems.add("requiredFamilies", "缺少此项");
            return;
        }
        for (SiteKind kind : SiteKind.values()) {
            if (!required.containsKey(kind.name())) {
                problems.add("requiredFamilies." + kind.name(), "缺少此项（每种网站类型都要列出必备栏目族）");
            }
        }
        required.forEach((kind, list) -> {
            String key = "requiredFamilies." + kind;
            if (!isSiteKind(kind)) {
                problems.add(key, "未知的网站类型 " + kind + "（可用：PORTAL、DEPARTMENT、COUNTY、TOWNSHIP_PAGE）");
            }
            if (list == null) {
                problems.add(key, "必须是栏目族 id 的列表");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String id = list.get(i);
                FamilyEntry family = ids.get(id);
                if (family == null) {
                    problems.add(key + "[" + i + "]", "未知的栏目族 " + id);
                } else if (Boolean.TRUE.equals(family.thematic())) {
                    problems.add(key + "[" + i + "]", "专题栏目族 " + id + " 不能列为必备（专题栏目是可选的）");
                }
            }
            if (new LinkedHashSet<>(list).size() != list.size()) {
                problems.add(key, "同一栏目族列了两次");
            }
        });
    }

    /** Optional as a whole; when present a positive title length, URL names and non-blank words. */
    private static void validateColumnIndex(ColumnIndex c, RuleProblems problems) {
        if (c == null) {
            return;
        }
        if (c.maxTitleChars() == null || c.maxTitleChars() < 1) {
            problems.add("columnIndex.maxTitleChars", "必须是正整数（字符数），实为 " + c.maxTitleChars());
        }
        if (c.urlNames() == null || c.urlNames().stream().anyMatch(n -> n == null || !URL_HINT.matcher(n).matches())) {
            problems.add("columnIndex.urlNames", "必须是由字母、数字、- 或 _ 组成的名称的列表");
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("notColumnTexts", c.notColumnTexts());
        lists.put("homeTexts", c.homeTexts());
        lists.put("menuClassHints", c.menuClassHints());
        lists.put("footerClassHints", c.footerClassHints());
        lists.forEach((name, words) -> {
            if (words != null && words.stream().anyMatch(w -> w == null || w.isBlank() || w.equals("*"))) {
                problems.add("columnIndex." + name, "必须是非空词语的列表（不能是 *）");
            }
        });
    }

    /** Optional as a whole; when present every key is, with non-blank words and sane bounds. */
    private static void validateEntryPages(EntryPages e, RuleProblems problems) {
        if (e == null) {
            return;
        }
        if (e.entryTexts() == null || e.entryTexts().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("entryPages.entryTexts", "必须是非空文本的列表");
        }
        if (e.mainFrameNames() == null || e.mainFrameNames().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("entryPages.mainFrameNames", "必须是非空框架名的列表");
        }
        if (e.maxEntryTextLength() == null || e.maxEntryTextLength() < 0 || e.maxEntryTextLength() > 100) {
            problems.add("entryPages.maxEntryTextLength", "必须在 0 到 100 之间，实为 " + e.maxEntryTextLength());
        }
        if (e.maxEntryPageLinks() == null || e.maxEntryPageLinks() < 1 || e.maxEntryPageLinks() > 100) {
            problems.add("entryPages.maxEntryPageLinks", "必须在 1 到 100 之间，实为 " + e.maxEntryPageLinks());
        }
    }

    /** Tolerance zero or more, words non-blank letters, each URL pattern a valid regex with groups y, m and d. */
    private static void validateDates(Dates d, RuleProblems problems) {
        if (d == null) {
            return;
        }
        if (d.futureToleranceDays() != null && (d.futureToleranceDays() < 0 || d.futureToleranceDays() > 31)) {
            problems.add("dates.futureToleranceDays", "必须在 0 到 31 天之间，实为 " + d.futureToleranceDays());
        }
        List<String> labels = orEmpty(d.labels());
        for (int i = 0; i < labels.size(); i++) {
            String w = labels.get(i);
            if (w == null || w.isEmpty() || !w.chars().allMatch(Character::isLetterOrDigit)) {
                problems.add("dates.labels[" + i + "]", "'" + w + "' 只能由文字或数字组成（冒号会自动识别）");
            }
        }
        if (orEmpty(d.todayWords()).stream().anyMatch(w -> w == null || w.isBlank())) {
            problems.add("dates.todayWords", "必须是非空词语的列表");
        }
        if (d.scriptRecords() != null) {
            ScriptRecords r = d.scriptRecords();
            Map<String, List<String>> lists = new LinkedHashMap<>();
            lists.put("titleKeys", r.titleKeys());
            lists.put("dateKeys", r.dateKeys());
            lists.put("urlKeys", r.urlKeys());
            lists.forEach((name, keys) -> {
                if (keys == null || keys.isEmpty()
                        || keys.stream().anyMatch(k -> k == null || !SCRIPT_KEY.matcher(k).matches())) {
                    problems.add("dates.scriptRecords." + name, "必须列出脚本键名（字母、数字、_ 或 $，不以数字开头）");
                }
            });
        }
        List<String> patterns = orEmpty(d.urlPatterns());
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            String key = "dates.urlPatterns[" + i + "]";
            try {
                String groups = Pattern.compile(p).pattern();
                if (!groups.contains("(?<y>") || !groups.contains("(?<m>") || !groups.contains("(?<d>")) {
                    problems.add(key, "'" + p + "' 必须含命名分组 y、m 和 d");
                }
            } catch (PatternSyntaxException | NullPointerException e) {
                problems.add(key, "'" + p + "' 不是有效的正则表达式");
            }
        }
    }

    /** Every list present and non-empty, families known, each word in one list only, words of letters only. */
    private static void validateMessages(Messages m, Map<String, FamilyEntry> ids, RuleProblems problems) {
        if (m == null) {
            problems.add("messages", "缺少此项");
            return;
        }
        if (m.families() == null || m.families().isEmpty()) {
            problems.add("messages.families", "至少要列出一个栏目族 id");
        } else {
            for (int i = 0; i < m.families().size(); i++) {
                if (!ids.containsKey(m.families().get(i))) {
                    problems.add("messages.families[" + i + "]", "未知的栏目族 " + m.families().get(i));
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
                problems.add(key, "至少要列出一个词语");
                return;
            }
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                String at = key + "[" + i + "]";
                if (w == null || w.isEmpty() || !w.chars().allMatch(Character::isLetterOrDigit)) {
                    problems.add(at, "'" + w + "' 只能由文字或数字组成（不能有空格或标点）");
                    continue;
                }
                String other = owner.putIfAbsent(w, name);
                if (other != null) {
                    problems.add(at, "'" + w + "' " + (other.equals(name) ? "列了两次" : "也在 messages." + other + " 中"));
                }
            }
        });
    }

    private static void validateFamily(FamilyEntry e, String key, Map<String, FamilyEntry> ids,
                                       Map<String, String> synonymOwner, Map<String, String> hintOwner,
                                       RuleProblems problems) {
        if (e == null) {
            problems.add(key, "为空");
            return;
        }
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            problems.add(key + ".id", "必须由小写字母、数字和 _ 组成，实为 '" + e.id() + "'");
        } else if (ids.putIfAbsent(e.id(), e) != null) {
            problems.add(key + ".id", "'" + e.id() + "' 已被另一个栏目族使用");
        }
        if (e.name() == null || e.name().isBlank()) {
            problems.add(key + ".name", "缺少此项");
        }
        if (e.windowDays() != null && e.windowDays() <= 0) {
            problems.add(key + ".windowDays", "必须是正整数或留空，实为 " + e.windowDays());
        }
        if (e.shouldUpdate() == null) {
            problems.add(key + ".shouldUpdate", "缺少此项（true 或 false）");
        }
        if (e.thematic() == null) {
            problems.add(key + ".thematic", "缺少此项（true 或 false）");
        }
        if (e.synonyms() == null || e.synonyms().isEmpty()) {
            problems.add(key + ".synonyms", "至少要列出一个同义词");
            return;
        }
        List<String> hints = e.urlHints() == null ? List.of() : e.urlHints();
        for (int i = 0; i < hints.size(); i++) {
            String hint = hints.get(i);
            String at = key + ".urlHints[" + i + "]";
            if (hint == null || !URL_HINT.matcher(hint).matches()) {
                problems.add(at, "'" + hint + "' 只能由字母、数字、- 或 _ 组成（目录名或不带扩展名的文件名）");
                continue;
            }
            String owner = hintOwner.putIfAbsent(hint.toLowerCase(Locale.ROOT), String.valueOf(e.id()));
            if (owner != null) {
                problems.add(at, "'" + hint + "' " + (owner.equals(String.valueOf(e.id())) ? "列了两次"
                        : "也是栏目族 " + owner + " 的网址提示"));
            }
        }
        List<String> texts = new ArrayList<>(e.synonyms());
        if (e.name() != null) {
            texts.add(e.name());
        }
        if (e.shortLabels() != null) {
            texts.addAll(e.shortLabels());
        }
        for (String synonym : texts) {
            String normalized = SectionText.normalize(synonym);
            if (normalized.isEmpty()) {
                problems.add(key + ".synonyms", "有一个空的同义词 '" + synonym + "'");
                continue;
            }
            String owner = synonymOwner.putIfAbsent(normalized, String.valueOf(e.id()));
            if (owner != null && !owner.equals(String.valueOf(e.id()))) {
                problems.add(key + ".synonyms", "'" + synonym + "' 也是栏目族 " + owner + " 的同义词");
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
