package org.egovmonitor.crawler.inspect;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * {@code siteSearch}: the homepage offers a site search, and it answers. A search is a form with a text input that
 * some search word (搜索, 检索, search … in {@code crawlers/checks.yml}) marks as one — in its action, names,
 * placeholder, button or label — or a known search widget (a 集约化 search platform's script, frame or link). The
 * first search form found is submitted with the sample query as a GET (a POST form too: its target must at least
 * answer), through the check's page budget; it must answer 200 with HTML. A search box without a form (a script
 * submits it) and a widget cannot be submitted by a crawler: they count as present, and the summary says so.
 */
final class SiteSearchCheck implements SiteCheck {

    static final String ID = "siteSearch";
    private static final int MAX_FORMS = 100;
    private static final int MAX_INPUTS = 200;
    private static final int MAX_LABEL_CHARS = 200;

    private final List<String> words;
    private final List<String> widgets;
    private final String sampleQuery;

    SiteSearchCheck(List<String> words, List<String> widgets, String sampleQuery) {
        this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.widgets = widgets.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.sampleQuery = sampleQuery;
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
        Elements forms = input.homepage().select("form");
        for (int i = 0; i < Math.min(forms.size(), MAX_FORMS); i++) {
            Element form = forms.get(i);
            Element box = searchBox(form);
            if (box != null) {
                return submit(input, form, box);
            }
        }
        String widget = widget(input);
        if (widget != null) {
            return CheckResult.judged(ID, "首页使用站内搜索组件（" + PageTexts.clip(widget, 100) + "），未提交测试", List.of(),
                    Map.of());
        }
        Elements inputs = input.homepage().select("input");
        for (int i = 0; i < Math.min(inputs.size(), MAX_INPUTS); i++) {
            Element in = inputs.get(i);
            if (textInput(in) && marked(attrs(in, "name", "id", "class", "placeholder", "title", "value", "onkeydown",
                    "onkeypress"))) {
                return CheckResult.judged(ID, "首页有由脚本提交的搜索框，未提交测试", List.of(), Map.of());
            }
        }
        String message = "首页未找到站内搜索（搜索表单或搜索框）";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("search_missing", ProblemSeverity.DEDUCT,
                message, input.homepageUrl(), null, "在首页显著位置提供站内搜索功能")), Map.of());
    }

    /** The form's text input when the form is a site search (not a login form), else null. */
    private Element searchBox(Element form) {
        if (!form.select("input[type=password]").isEmpty()) {
            return null;
        }
        Element box = null;
        StringBuilder marks = new StringBuilder(attrs(form, "action", "name", "id", "class", "onsubmit"));
        int n = 0;
        for (Element in : form.select("input, button")) {
            if (++n > MAX_INPUTS) {
                break;
            }
            if (box == null && textInput(in)) {
                box = in;
            }
            marks.append(' ').append(attrs(in, "name", "id", "class", "placeholder", "title", "value"));
            if ("button".equals(in.normalName())) {
                marks.append(' ').append(PageTexts.clip(in.text(), MAX_LABEL_CHARS));
            }
        }
        if (box == null) {
            return null;
        }
        marks.append(' ').append(PageTexts.clip(form.ownText(), MAX_LABEL_CHARS));
        return marked(marks.toString()) ? box : null;
    }

    private CheckResult submit(CheckInput input, Element form, Element box) {
        String action = form.attr("action").strip();
        if (action.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            return CheckResult.judged(ID, "首页有由脚本提交的搜索表单，未提交测试", List.of(), Map.of());
        }
        String target = action.isEmpty() ? input.homepageUrl() : form.absUrl("action");
        if (target.isEmpty()) {
            String message = "首页搜索表单的提交地址无效";
            return CheckResult.judged(ID, message, List.of(new CheckProblem("search_broken", ProblemSeverity.DEDUCT,
                    message, input.homepageUrl(), null, "修正搜索表单的提交地址")), Map.of());
        }
        String url = withQuery(target, query(form, box));
        CheckPage page = input.pages().get(url);
        if (page == null) {
            return CheckResult.notChecked(ID, "首页有搜索表单；本站检查页面数已用完，未提交测试");
        }
        if (page.status() == 200 && page.html()) {
            return CheckResult.judged(ID, "首页有站内搜索，以“" + sampleQuery + "”检索返回 HTTP 200", List.of(),
                    Map.of("status", 200.0));
        }
        String seen = page.status() > 0 ? "HTTP " + page.status() : FetchErrorKind.labelOf(page.errorKind());
        if (page.status() == 200) {
            seen += "，非 HTML 页面";
        }
        String message = "站内搜索以“" + sampleQuery + "”检索未正常返回结果页（" + seen + "）";
        return CheckResult.judged(ID, message, List.of(new CheckProblem("search_broken", ProblemSeverity.DEDUCT,
                message, url, null, "修复站内搜索，确保检索能返回结果页")), Map.of("status", (double) page.status()));
    }

    /** The form's fields as a GET query: the sample query in the search box, others as the page sets them. */
    private String query(Element form, Element box) {
        Charset cs = charset(form.attr("accept-charset"));
        StringBuilder q = new StringBuilder();
        int n = 0;
        for (Element in : form.select("input[name], select[name], textarea[name]")) {
            if (++n > MAX_INPUTS) {
                break;
            }
            String type = in.attr("type").toLowerCase(Locale.ROOT);
            if (in.hasAttr("disabled") || List.of("submit", "button", "image", "reset", "file").contains(type)
                    || (List.of("checkbox", "radio").contains(type) && !in.hasAttr("checked"))) {
                continue;
            }
            String value;
            if (in == box) {
                value = sampleQuery;
            } else if ("select".equals(in.normalName())) {
                Element option = in.selectFirst("option[selected]");
                option = option != null ? option : in.selectFirst("option");
                value = option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
            } else {
                value = "textarea".equals(in.normalName()) ? in.text() : in.attr("value");
            }
            q.append(q.length() == 0 ? "" : "&").append(URLEncoder.encode(in.attr("name"), cs)).append('=')
                    .append(URLEncoder.encode(value, cs));
        }
        if (!box.hasAttr("name")) {
            q.append(q.length() == 0 ? "" : "&").append("q=").append(URLEncoder.encode(sampleQuery, cs));
        }
        return q.toString();
    }

    private static String withQuery(String target, String query) {
        int hash = target.indexOf('#');
        String base = hash < 0 ? target : target.substring(0, hash);
        int mark = base.indexOf('?');
        // A GET form replaces the action's own query with its fields, as browsers do.
        return (mark < 0 ? base : base.substring(0, mark)) + "?" + query;
    }

    private static Charset charset(String acceptCharset) {
        String first = acceptCharset.strip().split("[\\s,]+")[0];
        try {
            return first.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(first);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private String widget(CheckInput input) {
        int n = 0;
        for (Element e : input.homepage().select("script[src], iframe[src], a[href]")) {
            if (++n > 20_000) {
                break;
            }
            String attr = e.hasAttr("src") ? "src" : "href";
            String lower = e.attr(attr).toLowerCase(Locale.ROOT);
            for (String w : widgets) {
                if (lower.contains(w)) {
                    // the absolute address: what the office can open (a relative path tells them nothing)
                    String absolute = e.absUrl(attr);
                    return absolute.isEmpty() ? e.attr(attr) : absolute;
                }
            }
        }
        return null;
    }

    private static boolean textInput(Element e) {
        if (!"input".equals(e.normalName())) {
            return false;
        }
        String type = e.attr("type").strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("text") || type.equals("search");
    }

    private boolean marked(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains);
    }

    private static String attrs(Element e, String... names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            String v = e.attr(n);
            if (!v.isEmpty()) {
                b.append(' ').append(PageTexts.clip(v, MAX_LABEL_CHARS));
            }
        }
        return b.toString();
    }
}
