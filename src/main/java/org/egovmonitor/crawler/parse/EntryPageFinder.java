package org.egovmonitor.crawler.parse;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Says whether a fetched homepage is only the way to the real one, and where that is. Pure: it reads the parsed page
 * and its links, never fetches and never runs a script. What counts, in this order:
 * <ol>
 *   <li>{@link Kind#META_REFRESH}: {@code <meta http-equiv="refresh" content="0;url=index.html">} (any case or
 *       quoting; a refresh of the page itself, a reload timer, is not one);</li>
 *   <li>{@link Kind#FRAMESET}: the content frame ({@code main}/{@code content}-named, else the biggest) is the
 *       homepage; the other frames (a top navigation frame) are listed so their links can be read too;</li>
 *   <li>on a thin page only (at most {@code maxEntryPageLinks} links, so a real homepage's own scripts and stray words
 *       never divert us): {@link Kind#SCRIPT_REDIRECT} ({@code location.href=}, {@code window.location=},
 *       {@code location.replace(…)}, {@code top.location} …, read from inline script text with bounded regexes),
 *       {@link Kind#IFRAME} (a page that is one big iframe) and {@link Kind#SPLASH} (one entry link such as 进入首页
 *       or ENTER, text or image alt, or a lone image link).</li>
 * </ol>
 * The caller follows the target, bounds the hops and keeps to the site's registered domain ({@link #sameSite}).
 */
public final class EntryPageFinder {

    /** How a page leads to the real homepage. */
    public enum Kind {
        META_REFRESH, FRAMESET, SCRIPT_REDIRECT, IFRAME, SPLASH
    }

    /**
     * Where the real homepage is.
     *
     * @param kind        how the page leads there
     * @param url         the real homepage (absolute, normalised)
     * @param otherFrames for a frameset, the other frames' pages (absolute, normalised), whose links belong to the
     *                    homepage too; empty otherwise
     */
    public record Entry(Kind kind, String url, List<String> otherFrames) {
        public Entry {
            otherFrames = List.copyOf(otherFrames);
        }
    }

    /** Inline script text read per script and per page: a redirect page's script is short. */
    static final int MAX_SCRIPT_CHARS = 16 * 1024;
    static final int MAX_SCRIPTS_CHARS = 64 * 1024;
    /** A refresh later than this is a reload timer or a notice, not a way in. */
    static final int MAX_REFRESH_SECONDS = 30;
    /** Frames or iframes looked at: a page of 10,000 frames costs no more. */
    static final int MAX_FRAMES = 16;
    /** Visible text of a wrapper page (one big iframe) beyond a title and a footer line. */
    static final int MAX_WRAPPER_TEXT = 300;

    private static final Pattern REFRESH = Pattern.compile(
            "(?is)^\\s*(\\d{1,6})?(?:\\.\\d*)?\\s*[;,]?\\s*(?:url\\s*=\\s*)?([\"']?)\\s*([^\"'\\s][^\"']{0,2000}?)\\s*\\2?\\s*$");
    private static final Pattern REFRESH_DELAY_ONLY = Pattern.compile("^\\s*\\d{1,6}(?:\\.\\d*)?\\s*[;,]?\\s*$");

    /**
     * {@code location = '…'}, {@code location.href = "…"} on window/top/self/document/parent, and
     * {@code location.replace('…')} / {@code location.assign('…')}; the string must not be concatenated (a search
     * box's {@code location.href = '/search?q=' + q} is no redirect).
     */
    private static final Pattern SCRIPT_REDIRECT = Pattern.compile(
            "(?:\\b(?:window|top|self|document|parent)\\s*\\.\\s*)?\\blocation\\s*"
                    + "(?:\\.\\s*href\\s*=|=(?!=)|\\.\\s*(?:replace|assign)\\s*\\()\\s*([\"'])([^\"'\\r\\n]{1,1000})\\1"
                    + "(?!\\s*\\+)");
    /** A target for phones: a separate site for another audience, not the homepage we judge. */
    private static final Pattern MOBILE_TARGET = Pattern.compile(
            "(?i)^(?:https?://(?:m|wap|mobile|3g)\\.)|/(?:m|wap|mobile|3g|h5)(?:/|$|index)|mobile|wap\\.");

    private static final Pattern STYLE_WIDTH = Pattern.compile("(?i)(?:^|;)\\s*width\\s*:\\s*([0-9.]+\\s*(?:px|%)?)");
    private static final Pattern STYLE_HEIGHT = Pattern.compile("(?i)(?:^|;)\\s*height\\s*:\\s*([0-9.]+\\s*(?:px|%)?)");
    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d{1,6})(?:\\.\\d*)?\\s*(%|px|\\*)?\\s*$");

    private final EntryPageWords words;

    public EntryPageFinder(EntryPageWords words) {
        this.words = words == null ? EntryPageWords.NONE : words;
    }

    /** The real homepage this page leads to, or empty when the page is the homepage itself. */
    public Optional<Entry> find(Document doc, List<PageLink> links) {
        if (doc == null) {
            return Optional.empty();
        }
        String self = UrlNormalizer.normalize(doc.location()).orElse(null);
        Optional<Entry> found = metaRefresh(doc, self);
        if (found.isEmpty()) {
            found = frameset(doc, self);
        }
        if (found.isEmpty() && links.size() <= words.maxEntryPageLinks()) {
            found = scriptRedirect(doc, self);
            if (found.isEmpty()) {
                found = iframeWrapper(doc, links, self);
            }
            if (found.isEmpty()) {
                found = splash(doc, links, self);
            }
        }
        return found;
    }

    /**
     * Whether {@code to} belongs to the same site as {@code from}: the same host ({@code www.} ignored) or the same
     * registered domain under the public suffix list. IP addresses and single-label names only match themselves.
     */
    public static boolean sameSite(String from, String to) {
        String a = UrlNormalizer.host(from);
        String b = UrlNormalizer.host(to);
        if (a == null || b == null) {
            return false;
        }
        a = a.startsWith("www.") ? a.substring(4) : a;
        b = b.startsWith("www.") ? b.substring(4) : b;
        if (a.equals(b)) {
            return true;
        }
        String da = registeredDomain(a);
        return da != null && da.equals(registeredDomain(b));
    }

    // ------------------------------------------------------------------------------------------------ forms

    private Optional<Entry> metaRefresh(Document doc, String self) {
        int seen = 0;
        for (Element meta : doc.getElementsByTag("meta")) {
            if (++seen > 64) {
                break;
            }
            if (!"refresh".equalsIgnoreCase(meta.attr("http-equiv").strip())) {
                continue;
            }
            String content = meta.attr("content");
            if (content.length() > 2100 || REFRESH_DELAY_ONLY.matcher(content).matches()) {
                continue;
            }
            Matcher m = REFRESH.matcher(content);
            if (!m.matches()) {
                continue;
            }
            if (m.group(1) != null && Integer.parseInt(m.group(1)) > MAX_REFRESH_SECONDS) {
                continue;
            }
            Optional<Entry> e = entry(Kind.META_REFRESH, doc, m.group(3), self, List.of());
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    private Optional<Entry> frameset(Document doc, String self) {
        Elements frames = doc.select("frameset frame[src]");
        if (frames.isEmpty()) {
            return Optional.empty();
        }
        List<Element> candidates = frames.subList(0, Math.min(MAX_FRAMES, frames.size()));
        Element main = null;
        for (Element f : candidates) {
            if (named(f)) {
                main = f;
                break;
            }
        }
        if (main == null) {
            double best = -1;
            for (Element f : candidates) {
                double share = frameShare(f);
                if (share > best) {
                    best = share;
                    main = f;
                }
            }
        }
        String mainUrl = absolute(doc, main.attr("src")).orElse(null);
        if (mainUrl == null || mainUrl.equals(self)) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>();
        for (Element f : candidates) {
            if (f != main) {
                absolute(doc, f.attr("src")).filter(u -> !u.equals(self) && !u.equals(mainUrl) && !others.contains(u))
                        .ifPresent(others::add);
            }
        }
        return Optional.of(new Entry(Kind.FRAMESET, mainUrl, others));
    }

    private Optional<Entry> scriptRedirect(Document doc, String self) {
        int budget = MAX_SCRIPTS_CHARS;
        for (Element script : doc.getElementsByTag("script")) {
            if (budget <= 0) {
                break;
            }
            if (script.hasAttr("src")) {
                continue;
            }
            String text = script.data();
            text = text.substring(0, Math.min(text.length(), Math.min(MAX_SCRIPT_CHARS, budget)));
            budget -= text.length();
            Matcher m = SCRIPT_REDIRECT.matcher(text);
            while (m.find()) {
                String target = m.group(2).strip();
                if (MOBILE_TARGET.matcher(target).find() || target.startsWith("#")
                        || target.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    continue;
                }
                Optional<Entry> e = entry(Kind.SCRIPT_REDIRECT, doc, target, self, List.of());
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Entry> iframeWrapper(Document doc, List<PageLink> links, String self) {
        Elements iframes = doc.select("iframe[src]");
        if (iframes.isEmpty() || doc.body() == null) {
            return Optional.empty();
        }
        String text = doc.body().text();
        if (text.length() > MAX_WRAPPER_TEXT) {
            return Optional.empty();
        }
        Element biggest = null;
        double best = -1;
        for (Element f : iframes.subList(0, Math.min(MAX_FRAMES, iframes.size()))) {
            double area = dimension(f, "width") * dimension(f, "height");
            if (area > best) {
                best = area;
                biggest = f;
            }
        }
        // One big iframe: at least 400 × 300 (a percentage or no size counts as the whole window).
        if (best < 400.0 * 300.0) {
            return Optional.empty();
        }
        return entry(Kind.IFRAME, doc, biggest.attr("src"), self, List.of());
    }

    private Optional<Entry> splash(Document doc, List<PageLink> links, String self) {
        for (PageLink l : links) {
            if (l.hidden() || !sameSite(doc.location(), l.url())) {
                continue;
            }
            String text = EntryPageWords.squeeze(l.text());
            if (text.isEmpty()) {
                continue;
            }
            for (String w : words.entryTexts()) {
                if (text.equals(w) || (text.contains(w) && text.codePointCount(0, text.length())
                        <= words.maxEntryTextLength())) {
                    Optional<Entry> e = entry(Kind.SPLASH, doc, l.url(), self, List.of());
                    if (e.isPresent()) {
                        return e;
                    }
                }
            }
        }
        // A page whose only way on is one image link (the whole splash picture is the link).
        List<PageLink> own = links.stream().filter(l -> !l.hidden() && sameSite(doc.location(), l.url())
                && !l.url().equals(self)).toList();
        if (own.size() == 1 && links.size() <= 2) {
            Elements imageLinks = doc.select("a[href]:has(img)");
            if (imageLinks.size() == 1 && absolute(doc, imageLinks.first().attr("href"))
                    .filter(own.get(0).url()::equals).isPresent()) {
                return entry(Kind.SPLASH, doc, own.get(0).url(), self, List.of());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Optional<Entry> entry(Kind kind, Document doc, String target, String self, List<String> others) {
        return absolute(doc, target).filter(u -> !u.equals(self)).map(u -> new Entry(kind, u, others));
    }

    /** The target resolved against the page, normalised; empty for anything but http(s). */
    private static Optional<String> absolute(Document doc, String target) {
        if (target == null || target.isBlank() || target.length() > 2000) {
            return Optional.empty();
        }
        Element a = new Element("a");
        a.setBaseUri(doc.location());
        a.attr("href", target.strip());
        return UrlNormalizer.normalize(a.absUrl("href"));
    }

    private boolean named(Element frame) {
        String name = frame.attr("name").strip().toLowerCase(Locale.ROOT);
        String id = frame.id().strip().toLowerCase(Locale.ROOT);
        return (!name.isEmpty() && words.mainFrameNames().contains(name))
                || (!id.isEmpty() && words.mainFrameNames().contains(id));
    }

    /**
     * The share of the window a frame gets, from its framesets' {@code rows}/{@code cols} (a window of 1000 × 1000:
     * pixels as given, percentages of it, {@code *} sharing what is left), nested framesets multiplied.
     */
    static double frameShare(Element frame) {
        double share = 1.0;
        Element child = frame;
        int depth = 0;
        for (Element parent = frame.parent(); parent != null && "frameset".equals(parent.normalName())
                && depth < 8; parent = parent.parent(), depth++) {
            int index = 0;
            for (Element sibling : ChildElements.of(parent)) {
                if (sibling == child) {
                    break;
                }
                if ("frame".equals(sibling.normalName()) || "frameset".equals(sibling.normalName())) {
                    index++;
                }
            }
            String spec = !parent.attr("rows").isBlank() ? parent.attr("rows") : parent.attr("cols");
            share *= part(spec, index);
            child = parent;
        }
        return share;
    }

    private static double part(String spec, int index) {
        if (spec == null || spec.isBlank()) {
            return 1.0;
        }
        String[] parts = spec.split(",", 32);
        double[] size = new double[parts.length];
        double fixed = 0;
        int stars = 0;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = SIZE.matcher(parts[i]);
            String p = parts[i].strip();
            if (p.equals("*") || (m.matches() && "*".equals(m.group(2)))) {
                size[i] = -1;
                stars++;
            } else if (m.matches()) {
                double n = Double.parseDouble(m.group(1));
                size[i] = "%".equals(m.group(2)) ? n * 10 : n;
                fixed += size[i];
            }
        }
        double rest = Math.max(0, 1000 - fixed);
        if (index >= parts.length) {
            return 0;
        }
        double mine = size[index] < 0 ? rest / stars : size[index];
        return Math.min(1.0, mine / 1000);
    }

    /** A declared width or height in pixels; a percentage or no value counts as the whole window (1000). */
    private static double dimension(Element frame, String which) {
        String value = frame.attr(which);
        String css = frame.attr("style");
        Matcher style = ("width".equals(which) ? STYLE_WIDTH : STYLE_HEIGHT).matcher(css.length() > 500 ? "" : css);
        if (style.find()) {
            value = style.group(1);
        }
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return 1000;
        }
        double n = Double.parseDouble(m.group(1));
        return "%".equals(m.group(2)) ? n * 10 : n;
    }

    private static String registeredDomain(String host) {
        if (host.indexOf('.') < 0 || host.startsWith("[") || host.indexOf(':') >= 0
                || Character.isDigit(host.charAt(host.length() - 1))) {
            return null;
        }
        String d = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return d == null || d.indexOf('.') < 0 ? null : d;
    }
}
