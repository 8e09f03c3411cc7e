package org.egovmonitor.demo.farm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.registry.SiteKind;

/**
 * The section families the farm generates, with the synonyms used as navigation text, the freshness windows and the
 * families each site kind is required to have. The required families come from the crawler's catalogue
 * ({@code crawlers/sections.yml}); every synonym used here must be recognised by it (a test checks), and the windows
 * must equal the catalogue's. Truth is computed with these values.
 */
public final class FamilyCatalog {

    /**
     * @param id         family id as reported in measurements ("news", "notices" …)
     * @param synonyms   navigation texts a site may use for the family
     * @param windowDays freshness window in days; 0 means the family has no window (itemsInWindow is then 0)
     * @param dated      whether list entries normally carry dates (undated families such as 办事指南 list undated items)
     * @param code       pinyin abbreviation used in generated URLs
     */
    public record Family(String id, List<String> synonyms, int windowDays, boolean dated, String code) {
    }

    public static final List<Family> ALL = List.of(
            new Family("open_gov", List.of("政务公开", "信息公开", "政府信息公开"), 0, true, "zwgk"),
            new Family("news", List.of("政务动态", "工作动态", "要闻动态", "部门动态", "本地要闻"), 14, true, "zwdt"),
            new Family("notices", List.of("通知公告", "公示公告", "公告公示"), 180, true, "tzgg"),
            new Family("policy", List.of("政策文件", "政府文件", "规范性文件", "政策法规"), 180, true, "zcwj"),
            new Family("personnel", List.of("人事信息", "人事任免"), 365, true, "rsxx"),
            new Family("plans", List.of("规划计划", "发展规划", "计划规划"), 365, true, "ghjh"),
            new Family("org_info", List.of("机构职能", "领导之窗", "机构设置"), 0, false, "jgzn"),
            new Family("overview", List.of("概况信息", "县情概况", "市情介绍"), 0, false, "gkxx"),
            new Family("service_guide", List.of("办事指南", "服务指南"), 0, false, "bszn"),
            new Family("downloads", List.of("表格下载", "下载中心", "资料下载"), 0, false, "bgxz"),
            new Family("online_service", List.of("网上办事", "便民服务", "在线办事"), 0, false, "wsbs"),
            new Family("mailbox", List.of("市长信箱", "县长信箱", "局长信箱", "领导信箱", "我要写信"), 0, true, "ldxx"),
            new Family("forum", List.of("网上论坛", "访客留言", "在线咨询", "留言板"), 0, true, "wslt"),
            new Family("interviews", List.of("在线访谈"), 0, true, "zxft"),
            new Family("surveys", List.of("网上调查", "民意征集", "意见征集"), 0, true, "wsdc"),
            new Family("investment", List.of("招商引资"), 0, true, "zsyz"),
            new Family("tourism", List.of("旅游信息"), 0, true, "lyxx"),
            new Family("talent", List.of("人才招聘"), 0, true, "rczp"),
            new Family("weather", List.of("天气预报"), 0, true, "tqyb"),
            new Family("transport", List.of("交通信息"), 0, true, "jtxx"),
            new Family("supply_demand", List.of("供求信息"), 0, true, "gqxx"));

    /**
     * Families each kind must have (design §4, section completeness), taken from the crawler's own catalogue
     * ({@code crawlers/sections.yml}) so that truth and measurement share one definition. A family counts as present
     * when a visible, internal homepage navigation link of one of its synonyms leads to its section page.
     */
    public static final Map<SiteKind, List<String>> REQUIRED = required();

    /** Families whose sections list messages (信箱, 留言), from the crawler's catalogue like {@link #REQUIRED}. */
    public static final Set<String> INTERACTIVE = Set.copyOf(CrawlerFiles.defaultCatalog().interactiveFamilies());

    private static Map<SiteKind, List<String>> required() {
        SectionCatalog catalog = CrawlerFiles.defaultCatalog();
        Map<SiteKind, List<String>> out = new EnumMap<>(SiteKind.class);
        for (SiteKind kind : SiteKind.values()) {
            out.put(kind, catalog.requiredFamilies(kind));
        }
        return Collections.unmodifiableMap(out);
    }

    private static final Map<String, Family> BY_ID = new LinkedHashMap<>();

    static {
        for (Family f : ALL) {
            BY_ID.put(f.id(), f);
        }
    }

    private FamilyCatalog() {
    }

    public static Family byId(String id) {
        Family f = BY_ID.get(id);
        if (f == null) {
            throw new NoSuchElementException("unknown section family: " + id);
        }
        return f;
    }

    public static boolean exists(String id) {
        return BY_ID.containsKey(id);
    }

    /** Freshness window of a family in days, 0 when it has none. */
    public static int windowDays(String id) {
        return byId(id).windowDays();
    }

    /**
     * The synonyms a site of this kind may plausibly show: a county does not have a 市长信箱, a department not a
     * 县情概况. All returned texts are from {@link Family#synonyms()}.
     */
    public static List<String> synonymsFor(Family family, SiteKind kind) {
        List<String> out = family.synonyms().stream().filter(s -> fits(s, kind)).toList();
        return out.isEmpty() ? family.synonyms() : out;
    }

    private static boolean fits(String text, SiteKind kind) {
        if (text.startsWith("市长") || text.startsWith("市情")) {
            return kind == SiteKind.PORTAL;
        }
        if (text.startsWith("县长") || text.startsWith("县情")) {
            return kind == SiteKind.COUNTY;
        }
        if (text.startsWith("局长")) {
            return kind == SiteKind.DEPARTMENT;
        }
        return true;
    }
}
