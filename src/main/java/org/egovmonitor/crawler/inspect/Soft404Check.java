package org.egovmonitor.crawler.inspect;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.fetch.FetchErrorKind;

/**
 * {@code soft404}: a page that does not exist must answer 404 (or 410), or at least say it is an error page. A site
 * answering 200 with its homepage or any ordinary page hides its dead links from users, search engines and our own
 * link checks. Probes one random path on the homepage's origin (a fresh name each time, so no cache or real page can
 * answer it).
 */
final class Soft404Check implements SiteCheck {

    static final String ID = "soft404";
    static final String PROBE_PREFIX = "/egov-monitor-check-";
    /** Characters of the probe page's text (after its title) in which the error words are looked for. */
    private static final int HEAD_CHARS = 1000;

    private final List<Pattern> errorWords;

    Soft404Check(List<String> errorWords) {
        // A word of digits (404) must stand alone: 0566-2404123 is a phone number, not an error.
        this.errorWords = errorWords.stream().map(w -> w.chars().allMatch(Character::isDigit)
                ? Pattern.compile("(?<!\\d)" + w + "(?!\\d)")
                : Pattern.compile(Pattern.quote(w.toLowerCase(Locale.ROOT)))).toList();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        String origin = origin(input.homepageUrl());
        if (origin == null) {
            return CheckResult.notChecked(ID, "首页地址无效，未能检查");
        }
        String probe = origin + PROBE_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1)
                + ".html";
        CheckPage page = input.pages().get(probe);
        if (page == null) {
            return CheckResult.notChecked(ID, "本站检查页面数已用完，未探测不存在的页面");
        }
        Map<String, Double> metrics = Map.of("status", (double) page.status());
        if (page.status() >= 400) {
            return CheckResult.judged(ID, "访问不存在的页面返回 HTTP " + page.status(), List.of(), metrics);
        }
        if (page.status() < 200 || page.status() >= 300) {
            return CheckResult.notChecked(ID, "访问不存在的页面未得到回应（" + FetchErrorKind.labelOf(page.errorKind())
                    + "），未能判断");
        }
        String errorWord = page.html() ? errorWord(PageTexts.head(page.document(), HEAD_CHARS)) : null;
        if (errorWord != null) {
            return CheckResult.judged(ID, "访问不存在的页面返回 HTTP 200，但页面提示出错（“" + errorWord + "”）", List.of(),
                    metrics);
        }
        String landed = page.finalUrl() != null && !page.finalUrl().equals(page.url())
                ? "，跳转至 " + page.finalUrl() : "";
        String title = page.html() && !page.document().title().isBlank()
                ? "，页面标题“" + PageTexts.clip(page.document().title(), 60) + "”" : "";
        String message = "访问不存在的页面返回 HTTP 200" + landed + title + "，不是错误提示页（软 404），用户和搜索引擎无法识别失效链接";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("soft_404", ProblemSeverity.DEDUCT, message,
                probe, null, "不存在的页面应返回 HTTP 404 状态码，并显示错误提示页")), metrics);
    }

    private String errorWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern p : errorWords) {
            var m = p.matcher(lower);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    /** {@code scheme://host[:port]} of {@code url}, or null. */
    static String origin(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getRawAuthority() == null) {
                return null;
            }
            return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
