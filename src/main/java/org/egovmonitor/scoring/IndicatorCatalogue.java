package org.egovmonitor.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitKind;

/**
 * The indicators, weights, warning and veto lines, loaded from {@code crawlers/indicators.yml} (every key is
 * documented there) together with the section catalogue it refers to. Validated on load: a bad file fails with an
 * {@link IndicatorCatalogueException} listing every problem by key. Immutable; {@link #withOverrides} derives a
 * what-if copy.
 */
public final class IndicatorCatalogue {

    /** The catalogue's default location, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("crawlers", "indicators.yml");

    /** The indicator groups of the national rules; an indicator must name one of them. */
    public static final List<String> GROUPS = List.of("网站建设", "信息更新", "栏目设置", "互动服务", "网络覆盖",
            "局域网与办公自动化", "应用与数据库", "信息报送");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** What a unit without a monitored site gets on the website indicators. */
    public enum NoSitePolicy { NOT_APPLICABLE, ZERO }

    public record Grades(double excellent, double good, double pass) {
    }

    public record Bonus(Set<SiteKind> siteKinds, double aboveTotal, double points, double maxTotal) {
    }

    // The file's shape; field names are the YAML keys. Boxed so that a missing key is reported, not defaulted.
    record File(String version, Integer maxMeasurementAgeDays, Double minScoredWeightPercent, GradesEntry grades,
                BonusEntry bonus, Map<String, String> noSite, List<Entry> indicators) {
    }

    record GradesEntry(Double excellent, Double good, Double pass) {
    }

    record BonusEntry(List<String> siteKinds, Double aboveTotal, Double points, Double maxTotal) {
    }

    record Entry(String id, String name, String group, Double weight, Map<String, Double> weightByGroup,
                 List<String> peerGroups, List<String> unitKinds, String rule, Map<String, Double> params,
                 List<String> families, List<String> systems, String hint) {
    }

    private final String version;
    private final String hash;
    private final int maxMeasurementAgeDays;
    private final double minScoredWeightPercent;
    private final Grades grades;
    private final Bonus bonus;
    private final Map<PeerGroup, NoSitePolicy> noSite;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> byId;
    private final SectionCatalog sections;
    private final File file;

    private IndicatorCatalogue(File f, String hash, SectionCatalog sections) {
        this.file = f;
        this.version = f.version();
        this.hash = hash;
        this.maxMeasurementAgeDays = f.maxMeasurementAgeDays();
        this.minScoredWeightPercent = f.minScoredWeightPercent();
        this.grades = new Grades(f.grades().excellent(), f.grades().good(), f.grades().pass());
        Set<SiteKind> kinds = EnumSet.noneOf(SiteKind.class);
        f.bonus().siteKinds().forEach(k -> kinds.add(SiteKind.valueOf(k)));
        this.bonus = new Bonus(Collections.unmodifiableSet(kinds), f.bonus().aboveTotal(), f.bonus().points(),
                f.bonus().maxTotal());
        Map<PeerGroup, NoSitePolicy> policies = new EnumMap<>(PeerGroup.class);
        f.noSite().forEach((g, p) -> policies.put(PeerGroup.valueOf(g), NoSitePolicy.valueOf(p)));
        this.noSite = Collections.unmodifiableMap(policies);
        List<Indicator> list = new ArrayList<>();
        Map<String, Indicator> ids = new LinkedHashMap<>();
        for (Entry e : f.indicators()) {
            Indicator indicator = toIndicator(e);
            list.add(indicator);
            ids.put(indicator.id(), indicator);
        }
        this.indicators = List.copyOf(list);
        this.byId = Collections.unmodifiableMap(ids);
        this.sections = sections;
    }

    private static Indicator toIndicator(Entry e) {
        Map<PeerGroup, Double> byGroup = new EnumMap<>(PeerGroup.class);
        if (e.weightByGroup() != null) {
            e.weightByGroup().forEach((g, w) -> byGroup.put(PeerGroup.valueOf(g), w));
        }
        Set<PeerGroup> groups = EnumSet.allOf(PeerGroup.class);
        if (e.peerGroups() != null && !e.peerGroups().isEmpty()) {
            groups = EnumSet.noneOf(PeerGroup.class);
            for (String g : e.peerGroups()) {
                groups.add(PeerGroup.valueOf(g));
            }
        }
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        if (e.unitKinds() != null) {
            e.unitKinds().forEach(k -> kinds.add(UnitKind.valueOf(k)));
        }
        return new Indicator(e.id(), e.name(), e.group(), e.weight(), Collections.unmodifiableMap(byGroup),
                Collections.unmodifiableSet(groups), Collections.unmodifiableSet(kinds), RuleType.valueOf(e.rule()),
                Collections.unmodifiableMap(new LinkedHashMap<>(e.params())),
                e.families() == null ? List.of() : List.copyOf(e.families()),
                e.systems() == null ? List.of() : List.copyOf(e.systems()), e.hint());
    }

    /** Loads {@code crawlers/indicators.yml} and {@code crawlers/sections.yml} under the working directory. */
    public static IndicatorCatalogue loadDefault() {
        return load(DEFAULT_PATH, SectionCatalog.loadDefault());
    }

    public static IndicatorCatalogue load(Path path, SectionCatalog sections) {
        String yaml;
        try {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IndicatorCatalogueException("Cannot read the indicator catalogue " + path + ": "
                    + e.getMessage(), e);
        }
        return parse(yaml, path.toString(), sections);
    }

    /** Parses and validates catalogue text; {@code source} names it in error messages. */
    public static IndicatorCatalogue parse(String yaml, String source, SectionCatalog sections) {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        File file;
        try {
            file = mapper.readValue(yaml, File.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IndicatorCatalogueException(source + " is not a valid indicator catalogue: "
                    + e.getOriginalMessage() + where, e);
        }
        if (file == null) {
            throw new IndicatorCatalogueException(source + " is empty", List.of(source + " is empty"));
        }
        return checked(file, source, sections, true, sha256(yaml));
    }

    private static IndicatorCatalogue checked(File file, String source, SectionCatalog sections,
                                              boolean requireHundred, String hash) {
        List<String> problems = validate(file, sections, requireHundred);
        if (!problems.isEmpty()) {
            throw new IndicatorCatalogueException(source + " is invalid:\n - " + String.join("\n - ", problems),
                    problems);
        }
        // Every rule type must have its rule class; the registry checks that when first touched, so a gap stops
        // the catalogue's load (the app's start), not a later scoring run.
        ScoringRules.STANDARD.forType(RuleType.AVAILABILITY);
        return new IndicatorCatalogue(file, hash, sections);
    }

    /**
     * A what-if copy: other weights (indicator id → weight) and other params (indicator id → key → value). Weights
     * need not sum to 100 here: totals are normalised over the applicable weight anyway.
     *
     * @throws IndicatorCatalogueException naming every unknown indicator or param and every bad value
     */
    public IndicatorCatalogue withOverrides(Map<String, Double> weights, Map<String, Map<String, Double>> params) {
        List<String> problems = new ArrayList<>();
        Map<String, Double> w = weights == null ? Map.of() : weights;
        Map<String, Map<String, Double>> p = params == null ? Map.of() : params;
        w.keySet().stream().filter(id -> !byId.containsKey(id))
                .forEach(id -> problems.add("weights." + id + ": unknown indicator"));
        p.forEach((id, values) -> {
            Indicator indicator = byId.get(id);
            if (indicator == null) {
                problems.add("thresholds." + id + ": unknown indicator");
            } else if (values != null) {
                values.keySet().stream().filter(k -> !indicator.rule().params().contains(k))
                        .forEach(k -> problems.add("thresholds." + id + "." + k + ": unknown param (expected one of "
                                + String.join(", ", indicator.rule().params()) + ")"));
            }
        });
        if (!problems.isEmpty()) {
            throw new IndicatorCatalogueException("invalid what-if overrides", problems);
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : file.indicators()) {
            Double weight = w.getOrDefault(e.id(), e.weight());
            Map<String, Double> byGroup = w.containsKey(e.id()) ? null : e.weightByGroup();
            Map<String, Double> merged = new LinkedHashMap<>(e.params());
            if (p.get(e.id()) != null) {
                merged.putAll(p.get(e.id()));
            }
            entries.add(new Entry(e.id(), e.name(), e.group(), weight, byGroup, e.peerGroups(), e.unitKinds(),
                    e.rule(), merged, e.families(), e.systems(), e.hint()));
        }
        File copy = new File(file.version(), file.maxMeasurementAgeDays(), file.minScoredWeightPercent(),
                file.grades(), file.bonus(), file.noSite(), entries);
        List<String> bad = validate(copy, sections, false);
        if (!bad.isEmpty()) {
            throw new IndicatorCatalogueException("invalid what-if overrides", bad);
        }
        return new IndicatorCatalogue(copy, hash + "+what-if", sections);
    }

    static List<String> validate(File f, SectionCatalog sections, boolean requireHundred) {
        List<String> problems = new ArrayList<>();
        if (f.version() == null || f.version().isBlank()) {
            problems.add("version is missing");
        }
        if (f.maxMeasurementAgeDays() == null || f.maxMeasurementAgeDays() < 0) {
            problems.add("maxMeasurementAgeDays must be 0 or more days, was " + f.maxMeasurementAgeDays());
        }
        if (f.minScoredWeightPercent() == null || f.minScoredWeightPercent() < 0 || f.minScoredWeightPercent() > 100) {
            problems.add("minScoredWeightPercent must be between 0 and 100, was " + f.minScoredWeightPercent());
        }
        GradesEntry g = f.grades();
        if (g == null || g.excellent() == null || g.good() == null || g.pass() == null) {
            problems.add("grades must set excellent, good and pass");
        } else if (!(g.excellent() > g.good() && g.good() > g.pass() && g.pass() > 0)) {
            problems.add("grades must satisfy excellent > good > pass > 0, was " + g.excellent() + " / " + g.good()
                    + " / " + g.pass());
        }
        BonusEntry b = f.bonus();
        if (b == null || b.siteKinds() == null || b.aboveTotal() == null || b.points() == null
                || b.maxTotal() == null) {
            problems.add("bonus must set siteKinds, aboveTotal, points and maxTotal");
        } else {
            b.siteKinds().stream().filter(k -> !isEnum(SiteKind.class, k))
                    .forEach(k -> problems.add("bonus.siteKinds: unknown site kind '" + k + "'"));
            if (b.points() < 0) {
                problems.add("bonus.points must not be negative, was " + b.points());
            }
            if (b.maxTotal() < 100) {
                problems.add("bonus.maxTotal must be at least 100, was " + b.maxTotal());
            }
        }
        if (f.noSite() == null) {
            problems.add("noSite is missing");
        } else {
            for (PeerGroup group : PeerGroup.values()) {
                if (!f.noSite().containsKey(group.name())) {
                    problems.add("noSite." + group.name() + " is missing");
                }
            }
            f.noSite().forEach((group, policy) -> {
                if (!isEnum(PeerGroup.class, group)) {
                    problems.add("noSite." + group + ": unknown peer group");
                }
                if (!isEnum(NoSitePolicy.class, policy)) {
                    problems.add("noSite." + group + " must be NOT_APPLICABLE or ZERO, was '" + policy + "'");
                }
            });
        }
        if (f.indicators() == null || f.indicators().isEmpty()) {
            problems.add("indicators must list at least one indicator");
            return problems;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < f.indicators().size(); i++) {
            validateIndicator(f.indicators().get(i), "indicators[" + i + "]", ids, sections, problems);
        }
        if (requireHundred && problems.isEmpty()) {
            for (PeerGroup group : PeerGroup.values()) {
                double sum = 0;
                for (Entry e : f.indicators()) {
                    if (e.peerGroups() == null || e.peerGroups().isEmpty() || e.peerGroups().contains(group.name())) {
                        sum += e.weightByGroup() != null && e.weightByGroup().containsKey(group.name())
                                ? e.weightByGroup().get(group.name()) : e.weight();
                    }
                }
                if (Math.abs(sum - 100) > 1e-6) {
                    problems.add("indicators: weights for peer group " + group.name() + " sum to " + sum
                            + ", must be 100");
                }
            }
        }
        return problems;
    }

    private static void validateIndicator(Entry e, String key, Set<String> ids, SectionCatalog sections,
                                          List<String> problems) {
        if (e == null) {
            problems.add(key + " is empty");
            return;
        }
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            problems.add(key + ".id must be lower-case letters, digits and _, was '" + e.id() + "'");
        } else if (!ids.add(e.id())) {
            problems.add(key + ".id '" + e.id() + "' is used by two indicators");
        }
        String label = key + " (" + e.id() + ")";
        if (e.name() == null || e.name().isBlank()) {
            problems.add(label + ".name is missing");
        }
        if (e.group() == null || !GROUPS.contains(e.group())) {
            problems.add(label + ".group must be one of " + String.join(" ", GROUPS) + ", was '" + e.group() + "'");
        }
        // Written as "not within" so that NaN, which compares false with every bound, is refused too.
        if (e.weight() == null || !(e.weight() >= 0 && e.weight() <= 100)) {
            problems.add(label + ".weight must be between 0 and 100, was " + e.weight());
        }
        if (e.weightByGroup() != null) {
            e.weightByGroup().forEach((g, w) -> {
                if (!isEnum(PeerGroup.class, g)) {
                    problems.add(label + ".weightByGroup." + g + ": unknown peer group");
                }
                if (w == null || !(w >= 0 && w <= 100)) {
                    problems.add(label + ".weightByGroup." + g + " must be between 0 and 100, was " + w);
                }
            });
        }
        if (e.peerGroups() != null) {
            e.peerGroups().stream().filter(g -> !isEnum(PeerGroup.class, g))
                    .forEach(g -> problems.add(label + ".peerGroups: unknown peer group '" + g + "'"));
        }
        if (e.unitKinds() != null) {
            e.unitKinds().stream().filter(k -> !isEnum(UnitKind.class, k))
                    .forEach(k -> problems.add(label + ".unitKinds: unknown unit kind '" + k + "'"));
        }
        if (e.hint() == null || e.hint().isBlank()) {
            problems.add(label + ".hint is missing (the fix hint shown with every finding)");
        }
        if (e.rule() == null || !isEnum(RuleType.class, e.rule())) {
            problems.add(label + ".rule must be one of " + List.of(RuleType.values()) + ", was '" + e.rule() + "'");
            return;
        }
        RuleType rule = RuleType.valueOf(e.rule());
        Map<String, Double> params = e.params() == null ? Map.of() : e.params();
        for (String required : rule.params()) {
            Double value = params.get(required);
            if (value == null) {
                problems.add(label + ".params." + required + " is missing (rule " + rule + ")");
            } else if (value < 0 || value.isNaN() || value.isInfinite()) {
                problems.add(label + ".params." + required + " must not be negative, was " + value);
            }
        }
        params.keySet().stream().filter(k -> !rule.params().contains(k))
                .forEach(k -> problems.add(rule == RuleType.AVAILABILITY && k.equals(RuleType.OLD_PROBE_WINDOW_DAYS)
                        ? label + ".params." + k + ": 已改名为 " + RuleType.PROBE_WINDOW_DAYS + "（可用性探测窗口，天）；"
                                + "windowDays 只指 crawlers/sections.yml 中栏目的更新周期"
                        : label + ".params." + k + ": unknown param for rule " + rule
                                + " (expected " + String.join(", ", rule.params()) + ")"));
        if (problems.stream().anyMatch(p -> p.startsWith(label + ".params"))) {
            return;
        }
        orderedPair(params, label, "warnAtPercent", "vetoAtPercent", problems);
        orderedPair(params, label, "deductFromPercent", "vetoAtPercent", problems);
        orderedPair(params, label, "warnAtDays", "vetoAfterDays", problems);
        orderedPair(params, label, "warnAtCoreStale", "vetoAtCoreStale", problems);
        orderedPair(params, label, "warnAbove", "vetoAt", problems);
        orderedPair(params, label, "warnAfterDays", "vetoAfterDays", problems);
        orderedPair(params, label, "deductAfterDays", "vetoAfterDays", problems);
        if (rule == RuleType.SECTION_FRESHNESS || rule == RuleType.UPDATE_VOLUME) {
            if (e.families() == null || e.families().isEmpty()) {
                problems.add(label + ".families must list section family ids for rule " + rule);
            } else {
                e.families().stream().filter(id -> sections.family(id).isEmpty())
                        .forEach(id -> problems.add(label + ".families names unknown section family '" + id
                                + "' (see crawlers/sections.yml)"));
                if (rule == RuleType.UPDATE_VOLUME) {
                    e.families().stream().filter(id -> sections.family(id).map(f -> f.windowDays() == null)
                                    .orElse(false))
                            .forEach(id -> problems.add(label + ".families: family '" + id
                                    + "' has no windowDays, so its volume cannot be counted"));
                }
            }
        }
        if (rule == RuleType.APPLICATIONS && (e.systems() == null || e.systems().isEmpty())) {
            problems.add(label + ".systems must list the expected systems for rule APPLICATIONS");
        }
    }

    /** A warning line must not lie beyond its veto line (otherwise the warning could never show). */
    private static void orderedPair(Map<String, Double> params, String label, String low, String high,
                                    List<String> problems) {
        if (params.containsKey(low) && params.containsKey(high) && params.get(low) > params.get(high)) {
            problems.add(label + ".params." + low + " (" + params.get(low) + ") must not exceed " + high + " ("
                    + params.get(high) + ")");
        }
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
        if (name == null) {
            return false;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    /** SHA-256 of the catalogue text (suffixed {@code +what-if} for an overridden copy). */
    public String hash() {
        return hash;
    }

    public int maxMeasurementAgeDays() {
        return maxMeasurementAgeDays;
    }

    public double minScoredWeightPercent() {
        return minScoredWeightPercent;
    }

    public Grades grades() {
        return grades;
    }

    public Bonus bonus() {
        return bonus;
    }

    public NoSitePolicy noSite(PeerGroup group) {
        return noSite.get(group);
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The availability probe window in days (the first AVAILABILITY indicator's probeWindowDays; 7 without one). */
    public int probeWindowDays() {
        return indicators.stream().filter(i -> i.rule() == RuleType.AVAILABILITY).findFirst()
                .map(i -> (int) i.param(RuleType.PROBE_WINDOW_DAYS)).orElse(7);
    }

    public SectionCatalog sections() {
        return sections;
    }
}
