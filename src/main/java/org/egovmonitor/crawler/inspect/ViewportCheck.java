package org.egovmonitor.crawler.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * {@code viewport}: the homepage declares a mobile viewport ({@code <meta name="viewport"
 * content="width=device-width, …">}), without which phones render the desktop page shrunk (政府网站发展指引: 移动端适配).
 * Content is compared without spaces and case, as browsers read it. A viewport that sets no width but an initial
 * scale of 1 ({@code initial-scale=1, maximum-scale=1}, as some provincial templates write) is laid out at the device
 * width too: browsers derive the width from the scale then.
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
            if (normalize(content).contains(required) || scaleOneWithoutWidth(content)) {
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

    /** {@code initial-scale=1} (or 1.0) and no {@code width} key: the layout width follows the device's. */
    static boolean scaleOneWithoutWidth(String content) {
        boolean scaleOne = false;
        for (String part : normalize(content).split("[,;]")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            if (key.equals("width")) {
                return false;
            }
            if (key.equals("initial-scale")) {
                try {
                    scaleOne = Double.parseDouble(value) == 1.0;
                } catch (NumberFormatException e) {
                    scaleOne = false;
                }
            }
        }
        return scaleOne;
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
