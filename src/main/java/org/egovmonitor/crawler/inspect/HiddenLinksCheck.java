package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.parse.LinkExtractor;
import org.egovmonitor.crawler.parse.ScriptMarkup;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * 暗链: links to other sites that the homepage keeps from its visitors — the block of gambling or pill links a
 * hacked site carries in a {@code display:none} div, off-screen, at zero size or font size, in a marquee of no
 * height, or inside a hidden layer a {@code document.write} opens. Only foreign links count (not the site's own, not
 * government hosts, not those listed as trusted), and a block hidden the way a site's own menus and tabs are hidden
 * (display, visibility, the hidden attribute, with a visible menu or tab just before it) is a submenu, not 暗链 —
 * unless its text holds a spam word of the data. One problem per hidden foreign link (capped), SEVERE: a hidden link
 * block means the site was tampered with.
 */
final class HiddenLinksCheck implements SiteCheck {

    static final String ID = "hiddenLinks";
    static final String CODE = "hidden_link";

    /** Text of a link reported, at most. */
    private static final int MAX_TEXT = 80;

    /** A script that writes only the opening tag of a layer, or only a closing tag. */
    private static final Pattern OPEN_ONLY = Pattern.compile("(?is)\\s*<(div|span|p|marquee|section)\\b[^<>]*>\\s*");
    private static final Pattern CLOSE_ONLY = Pattern.compile("(?is)\\s*</(div|span|p|marquee|section)\\s*>\\s*");

    private final HostPolicy hosts;
    private final HiddenStyles.Limits limits;
    private final List<String> spamWords;
    private final int maxProblems;

    HiddenLinksCheck(HostPolicy hosts, HiddenStyles.Limits limits, List<String> spamWords, int maxProblems) {
        this.hosts = hosts;
        this.limits = limits;
        this.spamWords = List.copyOf(spamWords);
        this.maxProblems = maxProblems;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput in) {
        if (in.homepage() == null) {
            return CheckResult.notChecked(ID, "未取得首页，无法检查暗链");
        }
        Document doc = in.homepage();
        String page = in.homepageOrSiteUrl();
        Finder finder = new Finder(in, HiddenStyles.of(doc, limits));
        NodeTraversor.traverse(finder, doc);
        List<CheckProblem> problems = new ArrayList<>();
        for (Found f : finder.found) {
            if (problems.size() >= maxProblems) {
                break;
            }
            String text = f.text.isEmpty() ? f.href : f.text;
            problems.add(new CheckProblem(CODE, ProblemSeverity.SEVERE,
                    "首页有隐藏的外部链接（" + f.how + "）：" + text + " → " + f.url, page, text,
                    "删除隐藏的外部链接，并排查网站是否被篡改"));
        }
        int links = finder.found.size();
        String summary = links == 0 ? "首页未发现隐藏的外部链接（暗链）"
                : "首页发现隐藏的外部链接 " + links + " 个，分布在 " + finder.blocks.size() + " 处隐藏区域";
        return CheckResult.judged(ID, summary, problems,
                Map.of("hiddenForeignLinks", (double) links, "hiddenBlocks", (double) finder.blocks.size()));
    }

    private record Found(String text, String href, String url, String how) {
    }

    /** One document-order pass; markup written by inline scripts is read in the script's place. */
    private final class Finder implements NodeVisitor {
        private final CheckInput in;
        private final HiddenStyles styles;
        private final ScriptMarkup scripts = new ScriptMarkup();
        private final List<Found> found = new ArrayList<>();
        private final Set<Object> blocks = new LinkedHashSet<>();
        private final Set<String> seen = new LinkedHashSet<>();
        /** The outermost hidden element counted as hiding, and how; null when none is open. */
        private Element hider;
        private String how;
        /** A hidden layer a script opened and a later script will close (document.write('<div style=…>')). */
        private String scriptLayer;
        private Object scriptLayerId;

        Finder(CheckInput in, HiddenStyles styles) {
            this.in = in;
            this.styles = styles;
        }

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String name = e.normalName();
            if (name.equals("script")) {
                if (!e.hasAttr("src")) {
                    written(e);
                }
                return;
            }
            if (hider == null) {
                HiddenStyles.Hiding h = styles.hiding(e);
                if (h != null && !(h.toggle() && LinkExtractor.isDropdown(e) && !spammy(e.text()))) {
                    hider = e;
                    how = h.how();
                }
            }
            if (name.equals("a") && e.hasAttr("href")) {
                if (hider != null) {
                    offer(e, how, hider);
                } else if (scriptLayer != null) {
                    offer(e, scriptLayer, scriptLayerId);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == hider) {
                hider = null;
                how = null;
            }
        }

        /** Markup an inline script writes: a whole hidden block, or the opening or closing tag of a hidden layer. */
        private void written(Element script) {
            String html = scripts.written(script.data());
            if (html.isEmpty()) {
                return;
            }
            if (OPEN_ONLY.matcher(html).matches()) {
                Element body = Jsoup.parseBodyFragment(html).body();
                HiddenStyles.Hiding h = body.childrenSize() == 0 ? null : styles.hiding(body.child(0));
                if (h != null) {
                    scriptLayer = "脚本写入的隐藏层，" + h.how();
                    scriptLayerId = script;
                }
                return;
            }
            if (CLOSE_ONLY.matcher(html).matches()) {
                scriptLayer = null;
                scriptLayerId = null;
                return;
            }
            if (html.toLowerCase(Locale.ROOT).contains("<a")) {
                Document fragment = Jsoup.parseBodyFragment(html, script.baseUri());
                Finder inner = new Finder(in, styles);
                NodeTraversor.traverse(inner, fragment.body());
                for (Found f : inner.found) {
                    if (seen.add(f.url)) {
                        found.add(new Found(f.text, f.href, f.url, "脚本写入，" + f.how));
                    }
                }
                inner.blocks.forEach(b -> blocks.add(b));
            }
        }

        private void offer(Element a, String how, Object block) {
            String href = a.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            if (href.isEmpty() || href.startsWith("#") || lower.startsWith("javascript:")
                    || lower.startsWith("mailto:")) {
                return;
            }
            Optional<String> url = UrlNormalizer.normalize(a.absUrl("href"));
            if (url.isEmpty() || hosts.allowed(in, url.get()) || !seen.add(url.get())) {
                return;
            }
            String text = a.text().strip();
            if (text.isEmpty()) {
                text = a.attr("title").strip();
            }
            found.add(new Found(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
                    href.length() > 300 ? href.substring(0, 300) : href, url.get(), how));
            blocks.add(block);
        }
    }

    private boolean spammy(String text) {
        if (spamWords.isEmpty()) {
            return false;
        }
        String t = text.length() > 4_000 ? text.substring(0, 4_000) : text;
        for (String w : spamWords) {
            if (t.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
