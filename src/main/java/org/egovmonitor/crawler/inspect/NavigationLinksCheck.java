package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Links of the homepage's main navigation that lead off the government's web: the navigation is a {@code <nav>} or a
 * block whose id or class names it ({@code navigationNames}: nav, menu, daohang …), minus blocks named as something
 * else inside it (friend links, footer); its dropdown submenus belong to it. A page naming none (the table layouts of
 * the 2000s) has its first bar of short links before any content read as the navigation. A link is foreign unless it
 * is the site's own, under a government suffix, or a trusted host of the data. One DEDUCT problem per foreign URL.
 */
final class NavigationLinksCheck implements SiteCheck {

    static final String ID = "navigationLinks";
    static final String CODE = "foreign_nav_link";

    /** A navigation bar: this many short links at least, and at most this many (more is a site map or a page). */
    static final int MIN_BAR_LINKS = 4;
    static final int MAX_BAR_LINKS = 40;
    /** Longest entry of a navigation bar, and the extra text (separators) a bar holds per link. */
    static final int MAX_ENTRY_CHARS = 10;
    static final int MAX_EXTRA_CHARS_PER_LINK = 3;
    /** Elements of the page looked at for an unnamed bar, and nodes read per candidate. */
    static final int MAX_BAR_CANDIDATES = 400;
    static final int MAX_BAR_NODES = 600;

    private final HostPolicy hosts;
    private final List<String> names;
    private final List<String> notNames;
    private final int maxProblems;

    NavigationLinksCheck(HostPolicy hosts, List<String> names, List<String> notNames, int maxProblems) {
        this.hosts = hosts;
        this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        this.notNames = notNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        this.maxProblems = maxProblems;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput in) {
        if (in.homepage() == null) {
            return CheckResult.notChecked(ID, "未取得首页，无法检查导航链接");
        }
        Document doc = in.homepage();
        List<Element> navs = named(doc);
        if (navs.isEmpty()) {
            Element bar = firstBar(doc);
            if (bar != null) {
                navs = List.of(bar);
            }
        }
        if (navs.isEmpty()) {
            return CheckResult.notChecked(ID, "首页未找到主导航");
        }
        String page = in.homepageOrSiteUrl();
        Map<String, Element> foreign = new LinkedHashMap<>();
        int links = 0;
        for (Element nav : navs) {
            for (Element a : nav.getElementsByTag("a")) {
                if (!a.hasAttr("href") || insideExcluded(a, nav)) {
                    continue;
                }
                Optional<String> url = UrlNormalizer.normalize(a.absUrl("href"));
                if (url.isEmpty()) {
                    continue;
                }
                links++;
                if (!hosts.allowed(in, url.get())) {
                    foreign.putIfAbsent(url.get(), a);
                }
            }
        }
        List<CheckProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Element> f : foreign.entrySet()) {
            if (problems.size() >= maxProblems) {
                break;
            }
            String text = f.getValue().text().strip();
            String excerpt = text.isEmpty() ? f.getValue().attr("href").strip() : text;
            problems.add(new CheckProblem(CODE, ProblemSeverity.DEDUCT,
                    "主导航链接指向非政府网站：" + excerpt + " → " + f.getKey(), page, excerpt,
                    "主导航只链接本网站栏目或政府网站，外部链接移至友情链接并加提示"));
        }
        String summary = foreign.isEmpty() ? "主导航 " + links + " 个链接均指向本网站或政府网站"
                : "主导航 " + links + " 个链接中有 " + foreign.size() + " 个指向非政府网站";
        return CheckResult.judged(ID, summary, problems,
                Map.of("navigationLinks", (double) links, "foreignNavigationLinks", (double) foreign.size()));
    }

    /** The outermost elements named as navigation (and not as anything excluded), in page order. */
    private List<Element> named(Document doc) {
        List<Element> out = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (excluded(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.normalName().equals("nav") || matches(e, names)) {
                    out.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, doc.body() == null ? doc : doc.body());
        return out;
    }

    private boolean excluded(Element e) {
        return e.normalName().equals("footer") || matches(e, notNames);
    }

    private static boolean matches(Element e, List<String> words) {
        String id = e.id().toLowerCase(Locale.ROOT);
        String cls = e.className().toLowerCase(Locale.ROOT);
        if (id.isEmpty() && cls.isEmpty()) {
            return false;
        }
        for (String w : words) {
            if (id.contains(w) || cls.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideExcluded(Element a, Element nav) {
        for (Element p = a.parent(); p != null && p != nav; p = p.parent()) {
            if (excluded(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first row or list of {@value #MIN_BAR_LINKS}+ short links with little else (separators) in the body: an
     * unnamed navigation bar ({@code <tr><td><a>首页</a></td><td>|</td>…}).
     */
    private Element firstBar(Document doc) {
        if (doc.body() == null) {
            return null;
        }
        int looked = 0;
        for (Element e : doc.body().getAllElements()) {
            if (++looked > MAX_BAR_CANDIDATES) {
                return null;
            }
            String n = e.normalName();
            if ((n.equals("tr") || n.equals("ul") || n.equals("p") || n.equals("div")) && bar(e)) {
                return e;
            }
        }
        return null;
    }

    private static boolean bar(Element e) {
        int[] links = {0};
        int[] linkChars = {0};
        int[] nodes = {0};
        boolean[] ok = {true};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > MAX_BAR_NODES) {
                    ok[0] = false;
                    return FilterResult.STOP;
                }
                if (node instanceof Element x && x.normalName().equals("a")) {
                    int len = x.text().strip().length();
                    if (len == 0 || len > MAX_ENTRY_CHARS || ++links[0] > MAX_BAR_LINKS) {
                        ok[0] = false;
                        return FilterResult.STOP;
                    }
                    linkChars[0] += len;
                    return FilterResult.SKIP_CHILDREN;
                }
                if (node instanceof Element x && (x.normalName().equals("form") || x.normalName().equals("img")
                        || x.normalName().equals("input"))) {
                    ok[0] = false;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        if (!ok[0] || links[0] < MIN_BAR_LINKS) {
            return false;
        }
        int all = e.text().replaceAll("[\\s\\u00A0\\u3000]", "").length();
        int own = linkChars[0];
        return all - own <= MAX_EXTRA_CHARS_PER_LINK * links[0];
    }
}
