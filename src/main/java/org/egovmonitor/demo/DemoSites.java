package org.egovmonitor.demo;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.demo.farm.PageCharset;
import org.egovmonitor.demo.farm.PageLayout;
import org.egovmonitor.demo.farm.ReplyHabit;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.demo.farm.SiteSpec.Overrides;
import org.egovmonitor.registry.RegistryDocument;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.SiteRequest;

/**
 * What the demo farm serves: one generated site per demo registry site, at the registry's own URL. Pure: the same
 * registry and day give the same plan.
 *
 * <p>Most sites are drawn at random from a seed derived from their URL; the ones the 2003 speech (shared/seed)
 * says something about are dictated: the portal 中国池州 has no forum and a blank 便民服务 (online_service) and
 * carries articles whose 来源 name demo units (信息报送); 池州科技网 and 民营科技网 have not been updated for
 * months; 东至 and 青阳, revamped in 2003, are complete and fresh; 池州消防网 and 东至农经网 have broken links;
 * 石台旅游信息网 is down. Township pages registered under a county site's path are mounted at that path. Mailboxes
 * and forums answer promptly, except the portal's 市长信箱, which has left a letter unanswered for months (a veto for
 * its unit), and 池州科技网's, which answers some letters late.
 *
 * @param specs    one spec per distinct host (the host's root site)
 * @param mounts   sites served under a path of a host in {@code specs}
 * @param down     hosts that answer 503
 * @param sites    registry sites covered (specs plus mounts)
 */
public record DemoSites(List<SiteSpec> specs, List<SiteFarm.Mount> mounts, Set<String> down, int sites) {

    /** The 信息报送 sources on the portal's articles: demo units and their aliases, and one nobody registered. */
    static final List<String> PORTAL_SOURCES = List.of("市计委", "财政局", "市政府办公室", "统计局", "市信息中心",
            "人事局", "市地税局", "劳动局", "池州市交通局", "省农科院");
    /** A source matching no demo unit (it shows in 未匹配来源). */
    static final String UNKNOWN_SOURCE = "省农科院";

    static final String PORTAL = "http://www.chizhou.gov.cn/";
    static final String DOWN = "http://www.shitaitour.com.cn/";
    /** The demo site served over https (registered as http://, as such sites often still are). */
    static final String HTTPS = "http://www.czxzfw.gov.cn/";

    /** The families sites with dictated sections carry, by kind. */
    private static final Set<String> DEPARTMENT_FULL = Set.of("open_gov", "news", "notices", "policy",
            "service_guide", "mailbox", "org_info", "downloads");
    private static final Set<String> COUNTY_FULL = Set.of("open_gov", "news", "notices", "policy", "service_guide",
            "mailbox", "org_info", "overview", "downloads", "online_service", "investment", "tourism");

    public static DemoSites plan(RegistryDocument registry, LocalDate today) {
        Map<String, SiteSpec> roots = new LinkedHashMap<>();
        List<SiteFarm.Mount> mounts = new ArrayList<>();
        List<SiteRequest> mounted = new ArrayList<>();
        for (RegistryDocument.Row<SiteRequest> row : registry.sites()) {
            SiteRequest site = row.value();
            URI url = URI.create(site.url());
            String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
            if (path.equals("/")) {
                roots.put(host(url), spec(site, url, today));
            } else {
                mounted.add(site);
            }
        }
        for (SiteRequest site : mounted) {
            URI url = URI.create(site.url());
            String host = host(url);
            if (!roots.containsKey(host)) {
                throw new IllegalStateException("demo site " + site.url() + " is under a host with no root site");
            }
            String prefix = url.getPath().replaceAll("/+$", "");
            mounts.add(new SiteFarm.Mount(prefix, spec(site, url, today)));
        }
        return new DemoSites(List.copyOf(roots.values()), List.copyOf(mounts), Set.of(URI.create(DOWN).getHost()),
                roots.size() + mounts.size());
    }

    /**
     * Whether the demo serves this site over IPv6 too (its name pinned to {@code ::1}, standing for an AAAA record):
     * the portal and the county governments, as the IPv6 drive reached them first; departments stay IPv4-only, so the
     * ipv6 check passes on some demo sites and fails on others.
     */
    static boolean servedOverIpv6(SiteSpec spec) {
        return spec.kind() == SiteKind.PORTAL || spec.kind() == SiteKind.COUNTY;
    }

    /**
     * Whether the demo serves this site over https (a certificate of the demo's own authority, http redirected to
     * https): the 行政服务网, as online-service sites moved first; every other demo site is plain HTTP, so the https
     * check passes on one demo site and fails on the others.
     */
    static boolean servedOverHttps(SiteSpec spec) {
        return HTTPS.equals("http://" + spec.host() + "/");
    }

    private static SiteSpec spec(SiteRequest site, URI url, LocalDate today) {
        // String.hashCode is specified, so the seed (and every generated byte) is the same on every machine.
        long seed = 2003L * 1_000_003L + site.url().hashCode();
        // port 0: the farm binds a free port; it writes port 80 into the pages (SiteFarm.Options.advertisedPort)
        return new SiteSpec(seed, host(url), 0, site.kind(), generatedName(site), today, List.of(),
                overrides(site.url()));
    }

    /** The portal's name tells the generator its place (池州市), which "中国池州" alone does not. */
    static String generatedName(SiteRequest site) {
        return site.url().equals(PORTAL) ? "池州市人民政府门户网站·" + site.name() : site.name();
    }

    static Overrides overrides(String url) {
        return sections(url).withReplies(switch (url) {
            case PORTAL -> ReplyHabit.NEGLECTED;
            case "http://www.czkj.gov.cn/" -> ReplyHabit.LATE;
            default -> ReplyHabit.PROMPT;
        });
    }

    private static Overrides sections(String url) {
        return switch (url) {
            case PORTAL -> new Overrides(Set.of("open_gov", "news", "notices", "policy", "personnel", "service_guide",
                    "downloads", "online_service", "mailbox", "org_info", "overview", "investment", "tourism"),
                    Set.of("online_service"), Set.of(), PageLayout.TABLE_2003, PageCharset.GBK_META, 0, false,
                    PORTAL_SOURCES);
            // 驻京联络处: "办的生动活泼"
            case "http://www.czbj.gov.cn/" -> new Overrides(union(DEPARTMENT_FULL, "investment", "tourism", "forum"),
                    Set.of(), Set.of(), null, null, 0, false);
            // 池州科技网, 民营科技网: not updated for months
            case "http://www.czkj.gov.cn/", "http://www.czmykj.gov.cn/" -> new Overrides(DEPARTMENT_FULL, Set.of(),
                    DEPARTMENT_FULL, PageLayout.TABLE_2003, null, 1, true);
            case "http://www.czxf.gov.cn/" -> new Overrides(null, null, null, null, null, 3, null);
            case "http://www.dznj.gov.cn/" -> new Overrides(null, null, null, null, null, 2, null);
            // 东至, 青阳: early sites, revamped in 2003
            case "http://www.dongzhi.gov.cn/", "http://www.qingyang.gov.cn/" -> new Overrides(COUNTY_FULL, Set.of(),
                    Set.of(), null, null, 0, false);
            // 大渡口镇, 七井乡: small township sites of their own
            case "http://www.dzddk.gov.cn/", "http://www.stqijing.gov.cn/" -> new Overrides(Set.of("news", "notices",
                    "overview", "open_gov"), null, null, PageLayout.TABLE_2003, null, null, null);
            default -> Overrides.NONE;
        };
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> out = new java.util.HashSet<>(base);
        out.addAll(List.of(more));
        return Set.copyOf(out);
    }

    private static String host(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT);
    }
}
