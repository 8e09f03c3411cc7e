package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * {@code viewport}: the homepage declares a mobile viewport ({@code <meta name="viewport"
 * content="width=device-width, …">}), without which phones render the desktop page shrunk (政府网站发展指引: 移动端适配).
 * Content is compared without spaces and case, as browsers read it.
 */
final class ViewportCheck implements SiteCheck {

    static final String ID = "viewport";

    private final String required;

    ViewportCheck(String required) {
        this.required = normalize(required);
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
        String seen = null;
        for (Element meta : input.homepage().select("meta[name]")) {
            if (!"viewport".equalsIgnoreCase(meta.attr("name").trim())) {
                continue;
            }
            String content = meta.attr("content");
            if (normalize(content).contains(required)) {
                return CheckResult.judged(ID, "首页已设置移动端视口（按设备宽度显示）", List.of(), Map.of());
            }
            seen = content;
        }
        String message = seen == null
                ? "首页未设置移动端视口，手机浏览时页面不能自适应屏幕"
                : "首页的移动端视口未按设备宽度显示，手机浏览时页面不能自适应屏幕";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("viewport_missing", ProblemSeverity.DEDUCT,
                message, input.homepageUrl(), null, "在首页头部设置移动端视口（按设备宽度显示、初始缩放为 1），并适配移动端")), Map.of());
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
