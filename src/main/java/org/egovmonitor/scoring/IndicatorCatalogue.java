package org.egovmonitor.scoring;

import java.nio.charset.StandardCharsets;
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
import org.egovmonitor.crawler.classify.SectionFamily;
import org.egovmonitor.platform.InvalidRulesException;
import org.egovmonitor.platform.RuleFile;
import org.egovmonitor.platform.RuleProblems;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitKind;

/**
 * The indicators, weights, warning and veto lines, loaded from {@code crawlers/indicators.yml} (every key is
 * documented there) together with the section catalogue it refers to. Validated on load by {@link RuleFile}: a bad
 * file fails with a {@code RuleFileException} naming every problem by line and key. Immutable;
 * {@link #withOverrides} derives a what-if copy.
 */
public final class IndicatorCatalogue {

    /** The catalogue's default location, relative to the working directory. */
    public static final Path DEFAULT_PATH = Path.of("crawlers", "indicators.yml");

    /** The indicator groups of the national rules; an indicator must name one of them. */
    public static final List<String> GROUPS = List.of("网站建设", "信息更新", "栏目设置", "互动服务", "网络覆盖",
            "局域网与办公自动化", "应用与数据库", "信息报送", "办事服务", "内容保障");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** What a unit without a monitored site gets on the website indicators. */
    public enum NoSitePolicy { NOT_APPLICABLE, ZERO }

    public record Grades(double excellent, double good, double pass) {
    }

    public record Bonus(Set<SiteKind> siteKinds, double aboveTotal, double points, double maxTotal) {
    }

    // The file's shape; field names are the YAML keys. Boxed so that a missing key is reported, not defaulted.
    record File(String version, Integer maxMeasurementAgeDays, Double minScoredWeightPercent, GradesEntry grades,
                BonusEntry bonus, Map<String, String> noSite, String noSiteHint, List<Entry> indicators) {
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
        return checked(RuleFile.read(path, File.class), sections);
    }

    /** Parses and validates catalogue text; {@code source} names it in error messages. */
    public static IndicatorCatalogue parse(String yaml, String source, SectionCatalog sections) {
        return checked(RuleFile.parse(yaml, source, File.class), sections);
    }

    private static IndicatorCatalogue checked(RuleFile<File> file, SectionCatalog sections) {
        RuleProblems problems = new RuleProblems();
        if (file.content() == null) {
            problems.add("", "文件为空");
        } else {
            validate(file.content(), sections, true, problems);
        }
        file.check(problems);
        // Every rule type must have its rule class; the registry checks that when first touched, so a gap stops
        // the catalogue's load (the app's start), not a later scoring run.
        ScoringRules.STANDARD.forType(RuleType.AVAILABILITY);
        return new IndicatorCatalogue(file.content(), sha256(file.text()), sections);
    }

    /**
     * A what-if copy: other weights (indicator id → weight) and other params (indicator id → key → value). Weights
     * need not sum to 100 here: totals are normalised over the applicable weight anyway.
     *
     * @throws InvalidRulesException naming every unknown indicator or param ({@code weights.x},
     *                               {@code thresholds.x.y}) and every bad value ({@code indicators[3].weight})
     */
    public IndicatorCatalogue withOverrides(Map<String, Double> weights, Map<String, Map<String, Double>> params) {
        RuleProblems problems = new RuleProblems();
        Map<String, Double> w = weights == null ? Map.of() : weights;
        Map<String, Map<String, Double>> p = params == null ? Map.of() : params;
        w.keySet().stream().filter(id -> !byId.containsKey(id))
                .forEach(id -> problems.add("weights." + id, "没有这个指标"));
        p.forEach((id, values) -> {
            Indicator indicator = byId.get(id);
            if (indicator == null) {
                problems.add("thresholds." + id, "没有这个指标");
            } else if (values != null) {
                values.keySet().stream().filter(k -> !indicator.rule().params().contains(k))
                        .forEach(k -> problems.add("thresholds." + id + "." + k, unknownParam(indicator.rule())));
            }
        });
        problems.throwIfAny();
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
                file.grades(), file.bonus(), file.noSite(), file.noSiteHint(), entries);
        RuleProblems bad = new RuleProblems();
        validate(copy, sections, false, bad);
        bad.throwIfAny();
        return new IndicatorCatalogue(copy, hash + "+what-if", sections);
    }

    private static String unknownParam(RuleType rule) {
        return "该指标没有这个参数，可用参数：" + String.join(", ", rule.params());
    }

    static void validate(File f, SectionCatalog sections, boolean requireHundred, RuleProblems problems) {
        if (f.version() == null || f.version().isBlank()) {
            problems.add("version", "缺少此项");
        }
        if (f.maxMeasurementAgeDays() == null || f.maxMeasurementAgeDays() < 0) {
            problems.add("maxMeasurementAgeDays", "必须是 0 或正整数（天），实为 " + f.maxMeasurementAgeDays());
        }
        if (f.minScoredWeightPercent() == null || f.minScoredWeightPercent() < 0 || f.minScoredWeightPercent() > 100) {
            problems.add("minScoredWeightPercent", "必须在 0 到 100 之间，实为 " + f.minScoredWeightPercent());
        }
        GradesEntry g = f.grades();
        if (g == null || g.excellent() == null || g.good() == null || g.pass() == null) {
            problems.add("grades", "必须给出 excellent、good 和 pass");
        } else if (!(g.excellent() > g.good() && g.good() > g.pass() && g.pass() > 0)) {
            problems.add("grades", "必须满足 excellent > good > pass > 0，实为 " + g.excellent() + " / " + g.good()
                    + " / " + g.pass());
        }
        BonusEntry b = f.bonus();
        if (b == null || b.siteKinds() == null || b.aboveTotal() == null || b.points() == null
                || b.maxTotal() == null) {
            problems.add("bonus", "必须给出 siteKinds、aboveTotal、points 和 maxTotal");
        } else {
            for (int i = 0; i < b.siteKinds().size(); i++) {
                if (!isEnum(SiteKind.class, b.siteKinds().get(i))) {
                    problems.add("bonus.siteKinds[" + i + "]", "未知的网站类型 " + b.siteKinds().get(i));
                }
            }
            if (b.points() < 0) {
                problems.add("bonus.points", "不能为负数，实为 " + b.points());
            }
            if (b.maxTotal() < 100) {
                problems.add("bonus.maxTotal", "不能小于 100，实为 " + b.maxTotal());
            }
        }
        if (f.noSite() == null) {
            problems.add("noSite", "缺少此项");
        } else {
            for (PeerGroup group : PeerGroup.values()) {
                if (!f.noSite().containsKey(group.name())) {
                    problems.add("noSite." + group.name(), "缺少此项");
                }
            }
            f.noSite().forEach((group, policy) -> {
                if (!isEnum(PeerGroup.class, group)) {
                    problems.add("noSite." + group, "未知的同级组 " + group);
                }
                if (!isEnum(NoSitePolicy.class, policy)) {
                    problems.add("noSite." + group, "必须是 NOT_APPLICABLE 或 ZERO，实为 " + policy);
                }
            });
        }
        if (f.noSiteHint() == null || f.noSiteHint().isBlank()) {
            problems.add("noSiteHint", "缺少此项（未建网站的整改提示）");
        }
        if (f.indicators() == null || f.indicators().isEmpty()) {
            problems.add("indicators", "至少要列出一个指标");
            return;
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
                    problems.add("indicators", "同级组 " + group.name() + " 的权重合计为 " + sum + "，必须为 100");
                }
            }
        }
    }

    private static void validateIndicator(Entry e, String key, Set<String> ids, SectionCatalog sections,
                                          RuleProblems problems) {
        if (e == null) {
            problems.add(key, "为空");
            return;
        }
        if (e.id() == null || !ID.matcher(e.id()).matches()) {
            problems.add(key + ".id", "必须由小写字母、数字和 _ 组成，实为 '" + e.id() + "'");
        } else if (NoSite.ID.equals(e.id())) {
            problems.add(key + ".id", "'" + e.id() + "' 留作未建网站的发现使用，不能作为指标 id");
        } else if (!ids.add(e.id())) {
            problems.add(key + ".id", "'" + e.id() + "' 已被另一个指标使用");
        }
        if (e.name() == null || e.name().isBlank()) {
            problems.add(key + ".name", "缺少此项");
        }
        if (e.group() == null || !GROUPS.contains(e.group())) {
            problems.add(key + ".group", "必须是 " + String.join("、", GROUPS) + " 之一，实为 '" + e.group() + "'");
        }
        // Written as "not within" so that NaN, which compares false with every bound, is refused too.
        if (e.weight() == null || !(e.weight() >= 0 && e.weight() <= 100)) {
            problems.add(key + ".weight", "权重应在 0 到 100 之间，实为 " + e.weight());
        }
        if (e.weightByGroup() != null) {
            e.weightByGroup().forEach((g, w) -> {
                if (!isEnum(PeerGroup.class, g)) {
                    problems.add(key + ".weightByGroup." + g, "未知的同级组 " + g);
                }
                if (w == null || !(w >= 0 && w <= 100)) {
                    problems.add(key + ".weightByGroup." + g, "权重应在 0 到 100 之间，实为 " + w);
                }
            });
        }
        if (e.peerGroups() != null) {
            for (int i = 0; i < e.peerGroups().size(); i++) {
                if (!isEnum(PeerGroup.class, e.peerGroups().get(i))) {
                    problems.add(key + ".peerGroups[" + i + "]", "未知的同级组 " + e.peerGroups().get(i));
                }
            }
        }
        if (e.unitKinds() != null) {
            for (int i = 0; i < e.unitKinds().size(); i++) {
                if (!isEnum(UnitKind.class, e.unitKinds().get(i))) {
                    problems.add(key + ".unitKinds[" + i + "]", "未知的单位类型 " + e.unitKinds().get(i));
                }
            }
        }
        if (e.hint() == null || e.hint().isBlank()) {
            problems.add(key + ".hint", "缺少此项（每条发现都附带的整改提示）");
        }
        if (e.rule() == null || !isEnum(RuleType.class, e.rule())) {
            problems.add(key + ".rule", "必须是 " + List.of(RuleType.values()) + " 之一，实为 '" + e.rule() + "'");
            return;
        }
        RuleType rule = RuleType.valueOf(e.rule());
        Map<String, Double> params = e.params() == null ? Map.of() : e.params();
        for (String required : rule.params()) {
            Double value = params.get(required);
            if (value == null) {
                problems.add(key + ".params." + required, "缺少此项（规则 " + rule + " 需要）");
            } else if (value < 0 || value.isNaN() || value.isInfinite()) {
                problems.add(key + ".params." + required, "不能为负数，实为 " + value);
            }
        }
        params.keySet().stream().filter(k -> !rule.params().contains(k))
                .forEach(k -> problems.add(key + ".params." + k,
                        rule == RuleType.AVAILABILITY && k.equals(RuleType.OLD_PROBE_WINDOW_DAYS)
                                ? "已改名为 " + RuleType.PROBE_WINDOW_DAYS + "（可用性探测窗口，天）；"
                                        + "windowDays 只指 crawlers/sections.yml 中栏目的更新周期"
                                : unknownParam(rule)));
        if (problems.anyUnder(key + ".params")) {
            return;
        }
        orderedPair(params, key, "warnAtPercent", "vetoAtPercent", problems);
        orderedPair(params, key, "deductFromPercent", "vetoAtPercent", problems);
        orderedPair(params, key, "warnAtDays", "vetoAfterDays", problems);
        orderedPair(params, key, "warnAtCoreStale", "vetoAtCoreStale", problems);
        orderedPair(params, key, "warnAbove", "vetoAt", problems);
        orderedPair(params, key, "warnAfterDays", "vetoAfterDays", problems);
        orderedPair(params, key, "deductAfterDays", "vetoAfterDays", problems);
        if (rule == RuleType.SECTION_FRESHNESS || rule == RuleType.UPDATE_VOLUME) {
            validateFamilies(e.families(), key, rule, sections, problems);
        }
        if (rule == RuleType.APPLICATIONS && (e.systems() == null || e.systems().isEmpty())) {
            problems.add(key + ".systems", "规则 APPLICATIONS 必须列出应有的系统");
        }
    }

    /** Known section families; for UPDATE_VOLUME each with a window to count in. */
    private static void validateFamilies(List<String> families, String key, RuleType rule, SectionCatalog sections,
                                         RuleProblems problems) {
        if (families == null || families.isEmpty()) {
            problems.add(key + ".families", "规则 " + rule + " 必须列出栏目族 id");
            return;
        }
        for (int i = 0; i < families.size(); i++) {
            String id = families.get(i);
            Optional<SectionFamily> family = sections.family(id);
            if (family.isEmpty()) {
                problems.add(key + ".families[" + i + "]", "未知的栏目族 " + id + "（见 crawlers/sections.yml）");
            } else if (rule == RuleType.UPDATE_VOLUME && family.get().windowDays() == null) {
                problems.add(key + ".families[" + i + "]", "栏目族 " + id + " 没有 windowDays，无法统计更新量");
            }
        }
    }

    /** A warning line must not lie beyond its veto line (otherwise the warning could never show). */
    private static void orderedPair(Map<String, Double> params, String key, String low, String high,
                                    RuleProblems problems) {
        if (params.containsKey(low) && params.containsKey(high) && params.get(low) > params.get(high)) {
            problems.add(key + ".params." + low, "取值（" + params.get(low) + "）不能大于 " + high + "（"
                    + params.get(high) + "）");
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

    /** The fix hint of the single 未建网站 finding of a unit without any monitored site. */
    public String noSiteHint() {
        return file.noSiteHint();
    }

    /** The name shown for an indicator id of a finding or bottleneck: 未建网站 for {@link NoSite#ID}. */
    public String indicatorName(String id) {
        return NoSite.ID.equals(id) ? NoSite.name() : indicator(id).map(Indicator::name).orElse(id);
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
