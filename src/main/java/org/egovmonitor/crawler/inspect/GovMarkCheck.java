package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * {@code govMark}: the homepage carries the 党政机关网站 mark (开办 registration by 中央编办): the script of
 * dcs.conac.cn that draws it, a link to bszs.conac.cn, or its image (alt 党政机关网站). Addresses and texts are data.
 */
final class GovMarkCheck implements SiteCheck {

    static final String ID = "govMark";
    /** Elements looked at; a homepage with more is judged on the first ones. */
    private static final int MAX_ELEMENTS = 20_000;

    private final List<String> urls;
    private final List<String> texts;

    GovMarkCheck(List<String> urls, List<String> texts) {
        this.urls = urls.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
        this.texts = List.copyOf(texts);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        if (input.homepage() == null) {
            return CheckResult.notChecked(ID, "未取得首页，未能检查");
        }
        int seen = 0;
        for (Element e : input.homepage().select("script[src], a[href], img, iframe[src], embed[src]")) {
            if (++seen > MAX_ELEMENTS) {
                break;
            }
            String found = markIn(e);
            if (found != null) {
                return CheckResult.judged(ID, "首页有党政机关网站标识（" + PageTexts.clip(found, 100) + "）", List.of(),
                        Map.of());
            }
        }
        String message = "首页未找到党政机关网站标识（conac.cn 的标识脚本、链接或“党政机关网站”图标）";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("gov_mark_missing", ProblemSeverity.DEDUCT,
                message, input.homepageUrl(), null, "在首页底部放置机构编制部门核发的党政机关网站标识代码")), Map.of());
    }

    /** What of the mark {@code e} shows (an address or a text), or null. */
    private String markIn(Element e) {
        for (String attr : List.of("src", "href")) {
            String value = e.attr(attr);
            String lower = value.toLowerCase(Locale.ROOT);
            for (String u : urls) {
                if (lower.contains(u)) {
                    return value;
                }
            }
        }
        for (String attr : List.of("alt", "title")) {
            String value = e.attr(attr);
            for (String t : texts) {
                if (value.contains(t)) {
                    return value;
                }
            }
        }
        return null;
    }
}
