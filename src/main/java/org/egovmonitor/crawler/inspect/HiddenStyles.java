package org.egovmonitor.crawler.inspect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether an element is kept from a visitor's eyes by its own markup: inline style, the {@code hidden} attribute,
 * a {@code <marquee>} of no height, or a simple class/id rule of the page's own {@code <style>} blocks
 * ({@code .gg{display:none}}, {@code #x{position:absolute;left:-9999px}}). Rules with combinators, external style
 * sheets and scripts are not read: the hacked-site blocks this is for hide themselves with the markup they inject.
 * Package-private.
 */
final class HiddenStyles {

    /** Thresholds from checks.yml. */
    record Limits(int offscreenPx, int farOffscreenPx, int maxHiddenFontPx) {
    }

    /**
     * How an element is hidden.
     *
     * @param how    in Chinese, with the declaration that hides it (display:none, left:-9999px …)
     * @param toggle hidden the way menus, tabs and pop-ups are hidden until a script shows them (display, visibility,
     *               the hidden attribute): such a block may be a site's own UI
     */
    record Hiding(String how, boolean toggle) {
    }

    /** Style text read per page, and rules kept: a hostile page cannot make this grow without bound. */
    static final int MAX_STYLE_CHARS = 128 * 1024;
    static final int MAX_RULES = 4_000;

    private static final Pattern RULE = Pattern.compile("([^{}]{1,500})\\{([^{}]{0,2000})\\}");
    private static final Pattern SIMPLE_SELECTOR = Pattern.compile("[a-z0-9]*([.#])([-_a-z0-9]+)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(px|pt|em|rem)?");

    private final Limits limits;
    private final Map<String, Map<String, String>> classRules = new HashMap<>();
    private final Map<String, Map<String, String>> idRules = new HashMap<>();

    private HiddenStyles(Limits limits) {
        this.limits = limits;
    }

    /** The page's own simple class and id rules. */
    static HiddenStyles of(Document doc, Limits limits) {
        HiddenStyles styles = new HiddenStyles(limits);
        int read = 0;
        int rules = 0;
        for (Element style : doc.getElementsByTag("style")) {
            String css = style.data();
            if (read + css.length() > MAX_STYLE_CHARS) {
                break;
            }
            read += css.length();
            Matcher m = RULE.matcher(COMMENT.matcher(css.toLowerCase(Locale.ROOT)).replaceAll(" "));
            while (m.find() && rules < MAX_RULES) {
                Map<String, String> decls = declarations(m.group(2));
                if (decls.isEmpty()) {
                    continue;
                }
                for (String selector : m.group(1).split(",")) {
                    Matcher s = SIMPLE_SELECTOR.matcher(selector.strip());
                    if (s.matches() && rules++ < MAX_RULES) {
                        (s.group(1).equals(".") ? styles.classRules : styles.idRules)
                                .computeIfAbsent(s.group(2), k -> new HashMap<>()).putAll(decls);
                    }
                }
            }
        }
        return styles;
    }

    /** {@code prop: value; …} as a map of lower-case properties to lower-case values without {@code !important}. */
    static Map<String, String> declarations(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        if (css == null || css.isBlank()) {
            return out;
        }
        String[] parts = css.length() > 4_000 ? css.substring(0, 4_000).split(";") : css.split(";");
        for (String part : parts) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String prop = part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(colon + 1).toLowerCase(Locale.ROOT).replace("!important", "").strip();
            out.put(prop, value);
        }
        return out;
    }

    /** How {@code e} is hidden, or null when its own markup does not hide it. */
    Hiding hiding(Element e) {
        if (e.hasAttr("hidden")) {
            return new Hiding("元素设为隐藏", true);
        }
        Map<String, String> d = new HashMap<>();
        if (!classRules.isEmpty()) {
            for (String c : e.classNames()) {
                Map<String, String> rule = classRules.get(c.toLowerCase(Locale.ROOT));
                if (rule != null) {
                    d.putAll(rule);
                }
            }
        }
        if (!idRules.isEmpty() && !e.id().isEmpty()) {
            Map<String, String> rule = idRules.get(e.id().toLowerCase(Locale.ROOT));
            if (rule != null) {
                d.putAll(rule);
            }
        }
        String inline = e.attr("style");
        if (!inline.isEmpty()) {
            d.putAll(declarations(inline));
        }
        if (e.normalName().equals("marquee")) {
            Double h = px(e.hasAttr("height") ? e.attr("height") : d.get("height"));
            Double w = px(e.hasAttr("width") ? e.attr("width") : d.get("width"));
            if (h != null && h <= 1 || w != null && w <= 1) {
                return new Hiding("滚动字幕高度或宽度为 0", false);
            }
        }
        if (d.isEmpty()) {
            return null;
        }
        if ("none".equals(d.get("display"))) {
            return new Hiding("样式设为不显示", true);
        }
        String visibility = d.get("visibility");
        if ("hidden".equals(visibility) || "collapse".equals(visibility)) {
            return new Hiding("样式设为不可见", true);
        }
        String position = d.get("position");
        if ("absolute".equals(position) || "fixed".equals(position)) {
            for (String side : new String[]{"left", "top", "right", "bottom"}) {
                Double v = px(d.get(side));
                if (v != null && (v <= -limits.offscreenPx() || v >= limits.farOffscreenPx())) {
                    return new Hiding("定位到屏幕之外", false);
                }
            }
        }
        Double indent = px(d.get("text-indent"));
        if (indent != null && indent <= -limits.offscreenPx()) {
            return new Hiding("文字缩进到屏幕之外", false);
        }
        String overflow = d.getOrDefault("overflow", "");
        if (overflow.equals("hidden") || overflow.equals("clip")) {
            Double h = px(d.get("height"));
            Double w = px(d.get("width"));
            if (h != null && h <= 1 || w != null && w <= 1) {
                return new Hiding("尺寸为 0 且溢出隐藏", false);
            }
        }
        Double font = px(d.get("font-size"));
        if (font != null && font <= limits.maxHiddenFontPx()) {
            return new Hiding("字号为 0", false);
        }
        Double opacity = number(d.get("opacity"));
        if (opacity != null && opacity <= 0.01) {
            return new Hiding("完全透明", false);
        }
        if ("transparent".equals(d.get("color"))) {
            return new Hiding("文字颜色透明", false);
        }
        return null;
    }

    /** A CSS length in pixels (em and rem as 16 px, pt as 4/3 px), or null when it is none. */
    static Double px(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LENGTH.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = m.group(2);
        return unit == null || unit.equals("px") ? v : unit.equals("pt") ? v * 4 / 3 : v * 16;
    }

    private static Double number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
