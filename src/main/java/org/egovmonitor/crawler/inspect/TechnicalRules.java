package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.egovmonitor.platform.RuleProblems;

/**
 * The {@code technical:} block of {@code crawlers/checks.yml}: 技术规范（HTTPS, IPv6, viewport, search, soft-404, footer
 * identifiers, 党政机关 mark）. Every word and pattern the checks look for is here, so a site that writes its
 * identifiers or its search box another way is met by editing the file, not the code.
 *
 * @param enabled                false turns the group's checks off (they are then not run, not reported, not scored)
 * @param certificateWarnDays    a valid certificate expiring within this many days is warned (certificate_expiring)
 * @param viewportContent        what the homepage's {@code <meta name="viewport">} content must contain
 * @param searchWords            words that make a form (its action, names, placeholder, button, label) or a lone
 *                               input a site search (搜索, 检索, search …)
 * @param searchWidgets          address fragments of known search widgets (集约化 search platforms) in a script,
 *                               frame or link of the homepage: a search without a form of the site's own
 * @param searchSampleQuery      the query a search form is submitted with
 * @param soft404ErrorWords      words that make a page an error page (404, 页面不存在 …): a random path answering 200
 *                               with one of them in its title or first lines is a (kindly worded) 404, not a soft 404
 * @param siteCodePatterns       regular expressions of the 网站标识码 (first group or whole match is the code)
 * @param icpPatterns            regular expressions of the ICP 备案号
 * @param publicSecurityPatterns regular expressions of the 公安机关备案号
 * @param govMarkUrls            address fragments of the 党政机关网站 mark (its script, link or image)
 * @param govMarkTexts           alt or title texts of the mark's image or link
 * @param govMarkIds             ids of the elements the mark's embed code writes (its placeholder and image), looked
 *                               for as element ids and in the text of inline scripts (the code writes them there)
 */
public record TechnicalRules(Boolean enabled, Integer certificateWarnDays, String viewportContent,
                             List<String> searchWords, List<String> searchWidgets, String searchSampleQuery,
                             List<String> soft404ErrorWords, List<String> siteCodePatterns, List<String> icpPatterns,
                             List<String> publicSecurityPatterns, List<String> govMarkUrls,
                             List<String> govMarkTexts, List<String> govMarkIds) {

    /** The file's own checks of this block; {@code field} is its path in the file. */
    void validate(String field, RuleProblems problems) {
        if (enabled == null) {
            problems.add(field + ".enabled", "缺少此项（true 或 false）");
        }
        if (certificateWarnDays == null || certificateWarnDays < 0) {
            problems.add(field + ".certificateWarnDays", "必须是不小于 0 的整数（天数），实为 " + certificateWarnDays);
        }
        if (viewportContent == null || viewportContent.isBlank()) {
            problems.add(field + ".viewportContent", "缺少此项（视口 content 必须包含的文字）");
        }
        if (searchSampleQuery == null || searchSampleQuery.isBlank()) {
            problems.add(field + ".searchSampleQuery", "缺少此项（提交站内搜索用的检索词）");
        }
        words(searchWords, field + ".searchWords", problems);
        words(searchWidgets, field + ".searchWidgets", problems);
        words(soft404ErrorWords, field + ".soft404ErrorWords", problems);
        words(govMarkUrls, field + ".govMarkUrls", problems);
        words(govMarkTexts, field + ".govMarkTexts", problems);
        words(govMarkIds, field + ".govMarkIds", problems);
        patterns(siteCodePatterns, field + ".siteCodePatterns", problems);
        patterns(icpPatterns, field + ".icpPatterns", problems);
        patterns(publicSecurityPatterns, field + ".publicSecurityPatterns", problems);
    }

    private static void words(List<String> list, String field, RuleProblems problems) {
        if (list == null || list.isEmpty() || list.stream().anyMatch(w -> w == null || w.isBlank())) {
            problems.add(field, "必须是非空文字的列表");
        }
    }

    private static void patterns(List<String> list, String field, RuleProblems problems) {
        if (list == null || list.isEmpty()) {
            problems.add(field, "必须是正则表达式的列表");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = list.get(i);
            if (p == null || p.isBlank()) {
                problems.add(field + "[" + i + "]", "不能为空");
                continue;
            }
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                problems.add(field + "[" + i + "]", "不是有效的正则表达式：" + e.getDescription());
            }
        }
    }

    /** The checks of this group, built from the block (none when the group is off). */
    List<SiteCheck> checks() {
        if (!enabled) {
            return List.of();
        }
        List<SiteCheck> all = new ArrayList<>();
        all.add(new HttpsCheck(certificateWarnDays));
        all.add(new Ipv6Check());
        all.add(new ViewportCheck(viewportContent));
        all.add(new SiteSearchCheck(searchWords, searchWidgets, searchSampleQuery));
        all.add(new Soft404Check(soft404ErrorWords));
        all.add(new SiteCodeCheck(siteCodePatterns));
        all.add(new IcpCheck(icpPatterns));
        all.add(new PublicSecurityCheck(publicSecurityPatterns));
        all.add(new GovMarkCheck(govMarkUrls, govMarkTexts, govMarkIds));
        return List.copyOf(all);
    }
}
