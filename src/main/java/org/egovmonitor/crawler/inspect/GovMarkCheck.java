package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * {@code govMark}: the homepage carries the 党政机关网站 mark (开办 registration by 中央编办): the script of
 * dcs.conac.cn that draws it, a link to bszs.conac.cn, or its image (alt 党政机关网站). Addresses, texts and ids are
 * data.
 *
 * <p>Most sites paste the embed code as given, an inline script that writes the mark in the browser:
 * {@code document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='http://dcs.conac.cn/js/…'"))}.
 * The crawler runs no script, so the inline scripts' text is read for the addresses and ids too; and a saved or
 * server-rendered page shows the mark's own element ids ({@code _ideConac}, {@code imgConac}) even when its link was
 * rewritten.
 */
final class GovMarkCheck implements SiteCheck {

    static final String ID = "govMark";
    /** Elements looked at; a homepage with more is judged on the first ones. */
    private static final int MAX_ELEMENTS = 20_000;

    /** Characters of one inline script read at most. */
    private static final int MAX_SCRIPT_CHARS = 100_000;

    private final List<String> urls;
    private final List<String> texts;
    private final List<String> ids;

    GovMarkCheck(List<String> urls, List<String> texts, List<String> ids) {
        this.urls = urls.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList();
        this.texts = List.copyOf(texts);
        this.ids = List.copyOf(ids);
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
        String written = null; // an id or an inline script's word: shown only when no address or text is found
        for (Element e : input.homepage().select("script[src], a[href], img, iframe[src], embed[src], [id], script")) {
            if (++seen > MAX_ELEMENTS) {
                break;
            }
            String found = markIn(e);
            if (found != null) {
                return present(found);
            }
            if (written == null) {
                written = writtenMarkIn(e);
            }
        }
        if (written != null) {
            return present(written);
        }
        String message = "首页未找到党政机关网站标识（conac.cn 的标识脚本、链接或“党政机关网站”图标）";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("gov_mark_missing", ProblemSeverity.DEDUCT,
                message, input.homepageUrl(), null, "在首页底部放置机构编制部门核发的党政机关网站标识代码")), Map.of());
    }

    private static CheckResult present(String evidence) {
        return CheckResult.judged(ID, "首页有党政机关网站标识（" + PageTexts.clip(evidence, 100) + "）", List.of(), Map.of());
    }

    /** The mark's id on {@code e}, or its address or id in the text of inline script {@code e}; else null. */
    private String writtenMarkIn(Element e) {
        if (ids.contains(e.id())) {
            return "id=" + e.id();
        }
        if (e.normalName().equals("script") && !e.hasAttr("src")) {
            String code = e.data();
            String lower = (code.length() > MAX_SCRIPT_CHARS ? code.substring(0, MAX_SCRIPT_CHARS) : code)
                    .toLowerCase(Locale.ROOT);
            for (String marker : concat(urls, ids)) {
                if (lower.contains(marker.toLowerCase(Locale.ROOT))) {
                    return "脚本写入的 " + marker;
                }
            }
        }
        return null;
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

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
