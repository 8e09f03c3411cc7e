package org.egovmonitor.crawler.inspect;

import java.util.List;
import org.egovmonitor.platform.RuleProblems;

/**
 * The {@code safety:} block of {@code crawlers/checks.yml}: 内容安全（hidden links, non-government navigation links,
 * third-party scripts）. Boxed fields so a missing key is reported, not defaulted.
 *
 * @param enabled            false turns the group's checks off (they are then not run, not reported, not scored)
 * @param governmentSuffixes host suffixes of government sites ({@code gov.cn}): never foreign
 * @param trustedHosts       hosts (and their subdomains) that are not under a government suffix but belong to the
 *                           government (政务服务网 domains, 中国政府网 mirrors, 党政机关网站标识): never foreign
 * @param scriptHosts        further hosts a page may load scripts and frames from (statistics, the 找错 tool, maps)
 * @param navigationNames    id/class substrings that name a page's main navigation ({@code nav}, {@code menu})
 * @param notNavigationNames id/class substrings of blocks that are no main navigation even inside one (friend links,
 *                           footer, breadcrumb)
 * @param spamWords          words of the link text hacked sites are stuffed with (博彩, 娱乐城 …): a block hidden the
 *                           way menus are hidden still counts as hidden links when its text holds one
 * @param offscreenPx        an absolutely placed block at {@code left/top/right/bottom} of minus this or less (or a
 *                           {@code text-indent} as far) is off-screen
 * @param farOffscreenPx     … and at plus this or more
 * @param maxHiddenFontPx    text at this font size or smaller is unreadable (0 and 1 px)
 * @param maxProblemsPerCheck problems reported per check and site at most (the count in the metrics is complete)
 */
public record SafetyRules(Boolean enabled, List<String> governmentSuffixes, List<String> trustedHosts,
                          List<String> scriptHosts, List<String> navigationNames, List<String> notNavigationNames,
                          List<String> spamWords, Integer offscreenPx, Integer farOffscreenPx,
                          Integer maxHiddenFontPx, Integer maxProblemsPerCheck) {

    /** The file's own checks of this block; {@code field} is its path in the file. */
    void validate(String field, RuleProblems problems) {
        if (enabled == null) {
            problems.add(field + ".enabled", "缺少此项（true 或 false）");
        }
        hosts(governmentSuffixes, field + ".governmentSuffixes", true, problems);
        hosts(trustedHosts, field + ".trustedHosts", false, problems);
        hosts(scriptHosts, field + ".scriptHosts", false, problems);
        words(navigationNames, field + ".navigationNames", true, problems);
        words(notNavigationNames, field + ".notNavigationNames", false, problems);
        words(spamWords, field + ".spamWords", false, problems);
        positive(offscreenPx, field + ".offscreenPx", problems);
        positive(farOffscreenPx, field + ".farOffscreenPx", problems);
        if (maxHiddenFontPx == null || maxHiddenFontPx < 0) {
            problems.add(field + ".maxHiddenFontPx", "必须是不小于 0 的整数（像素），实为 " + maxHiddenFontPx);
        }
        positive(maxProblemsPerCheck, field + ".maxProblemsPerCheck", problems);
    }

    private static void hosts(List<String> list, String field, boolean nonEmpty, RuleProblems problems) {
        if (list == null || nonEmpty && list.isEmpty()) {
            problems.add(field, nonEmpty ? "必须是至少一个域名的列表" : "必须是域名的列表（可为空列表 []）");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String h = list.get(i);
            if (h == null || !h.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                problems.add(field + "[" + i + "]", "必须是小写域名（如 gov.cn、hm.baidu.com，不带 http:// 和路径），实为 " + h);
            }
        }
    }

    private static void words(List<String> list, String field, boolean nonEmpty, RuleProblems problems) {
        if (list == null || nonEmpty && list.isEmpty()
                || list.stream().anyMatch(w -> w == null || w.isBlank())) {
            problems.add(field, nonEmpty ? "必须是非空文本的列表，至少一项" : "必须是非空文本的列表（可为空列表 []）");
        }
    }

    private static void positive(Integer value, String field, RuleProblems problems) {
        if (value == null || value <= 0) {
            problems.add(field, "必须是正整数，实为 " + value);
        }
    }

    /** The checks of this group, built from the block. */
    List<SiteCheck> checks() {
        if (!enabled) {
            return List.of();
        }
        HostPolicy pages = new HostPolicy(governmentSuffixes, trustedHosts);
        HostPolicy scripts = new HostPolicy(governmentSuffixes,
                java.util.stream.Stream.concat(trustedHosts.stream(), scriptHosts.stream()).toList());
        return List.of(
                new HiddenLinksCheck(pages, new HiddenStyles.Limits(offscreenPx, farOffscreenPx, maxHiddenFontPx),
                        spamWords, maxProblemsPerCheck),
                new NavigationLinksCheck(pages, navigationNames, notNavigationNames, maxProblemsPerCheck),
                new ThirdPartyScriptsCheck(scripts, maxProblemsPerCheck));
    }
}
