package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Scripts and frames the homepage loads from hosts nobody vouches for: not the site's own, not under a government
 * suffix, not a trusted host, not one of the {@code scriptHosts} of the data (the statistics, 找错 and map services
 * government sites use legitimately, and 党政机关网站标识's dcs.conac.cn). A script from a foreign host runs with the
 * site's authority (the classic hack injects one that redirects visitors from search engines to a gambling site),
 * so each such host is one DEDUCT problem, its first script or frame address the excerpt. Frames count because a
 * hidden frame is the other way such pages are pulled in.
 */
final class ThirdPartyScriptsCheck implements SiteCheck {

    static final String ID = "thirdPartyScripts";
    static final String CODE = "unknown_script_host";

    /** Elements read, at most: a hostile page of a million script tags costs no more than this. */
    static final int MAX_ELEMENTS = 2_000;

    private final HostPolicy hosts;
    private final int maxProblems;

    ThirdPartyScriptsCheck(HostPolicy hosts, int maxProblems) {
        this.hosts = hosts;
        this.maxProblems = maxProblems;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput in) {
        if (in.homepage() == null) {
            return CheckResult.notChecked(ID, "未取得首页，无法检查外部脚本");
        }
        Document doc = in.homepage();
        String page = in.homepageOrSiteUrl();
        Map<String, String> foreign = new LinkedHashMap<>();
        int loaded = 0;
        int read = 0;
        for (Element e : doc.select("script[src], iframe[src], frame[src]")) {
            if (++read > MAX_ELEMENTS) {
                break;
            }
            String src = e.attr("src").strip();
            Optional<String> url = UrlNormalizer.normalize(e.absUrl("src"));
            if (src.isEmpty() || url.isEmpty()) {
                continue;
            }
            loaded++;
            String host = UrlNormalizer.host(url.get());
            if (host != null && !hosts.allowed(in, url.get())) {
                foreign.putIfAbsent(host, src.length() > 300 ? src.substring(0, 300) : src);
            }
        }
        List<CheckProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> f : foreign.entrySet()) {
            if (problems.size() >= maxProblems) {
                break;
            }
            problems.add(new CheckProblem(CODE, ProblemSeverity.DEDUCT,
                    "首页加载了来源不明的外部脚本或框架（" + f.getKey() + "）：" + f.getValue(), page, f.getValue(),
                    "删除来源不明的脚本；确需使用的第三方服务须经审核并改为本网站或政府网站提供"));
        }
        String summary = foreign.isEmpty() ? "首页加载的 " + loaded + " 个脚本和框架均来自本网站、政府网站或可信服务"
                : "首页加载的 " + loaded + " 个脚本和框架中，有来自 " + foreign.size() + " 个来源不明域名的";
        return CheckResult.judged(ID, summary, problems,
                Map.of("externalScripts", (double) loaded, "unknownScriptHosts", (double) foreign.size()));
    }
}
