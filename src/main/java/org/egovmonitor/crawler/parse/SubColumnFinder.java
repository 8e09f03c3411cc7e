package org.egovmonitor.crawler.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the sub-columns (子栏目) of a section page: the column tree one level down. The national inspection rules
 * judge every column, not only those linked from the homepage, and a column index page (政务公开 → 机构职能 · 政策文件 ·
 * 规划计划) or the 政府信息公开 platform's column list is where the deeper columns are named.
 *
 * <p>A page is a column index when it has a <em>column block</em>: one list, table or menu whose links are mostly
 * column links ({@link #isColumnLink}: a short text, a URL that is no article page) on the site's own hosts, at least
 * {@link #MIN_COLUMNS} of them, and which is either under the section's own directory (most of its links point below
 * {@code /zwgk/} for {@code /zwgk/index.html}) or marked as a column menu by its class or id (a left-hand menu:
 * {@code left}, {@code side}, {@code menu}, {@code lanmu} …). On the 政府信息公开 platform every column block counts.
 * Links the caller already measures (the homepage's sections, the site root), the page's own dated list entries,
 * paging and site-service links (网站地图, 联系我们), footers and the site's navigation bar (a block with a 首页 link)
 * are never sub-columns. The words (paging texts, home links, menu and footer class names) are {@code columnIndex:}
 * in sections.yml.
 *
 * <p>Pure: a parsed page in, a bounded, de-duplicated list of links out. Another component decides what to fetch.
 */
public final class SubColumnFinder {

    /** A block needs at least this many column links to be a column list. */
    static final int MIN_COLUMNS = 2;

    /** A block is a column list when at least this share of its links are column links. */
    static final double COLUMN_SHARE = 0.6;

    /** A column's name is short: a menu entry of at most this many characters, not a headline. */
    public static final int MAX_COLUMN_TITLE = 8;

    /**
     * An article's own page: a date in its path (2012-12-10, 202306, t20230611), a numeric id in its name
     * (1314.html, art_42918_3436693.html) or an article id in its query (show.asp?id=3178; classid= is a column).
     */
    private static final Pattern ARTICLE_PATH = Pattern.compile(
            "(?:/|_|t)(?:19|20)\\d{2}[-_/]?[01]\\d(?:[-_/]?[0-3]\\d)?(?:[/_.]|$)|\\d{3,}(?:_\\d+)?\\.[a-z]+$|/(?:art|content|post|show|detail)[_-]");

    private static final Pattern ARTICLE_QUERY = Pattern.compile(
            "(?:^|[&;])(?:id|aid|articleid|newsid|infoid|docid|artid|contentid|nid|news_id|article_id)=\\d+");

    /** How far up from a link's block a class or id hint is looked for. */
    private static final int HINT_DEPTH = 3;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    /**
     * The words of sub-column finding, from the catalogue ({@code columnIndex:} in sections.yml).
     *
     * @param notColumnTexts    link texts that are never a column: paging, "more", site services (exact, or a prefix
     *                          when they end in {@code *}: 更多*, 返回*); case-insensitive
     * @param homeTexts         texts of a link home: the block holding one is the site's navigation bar
     * @param menuClassHints    fragments of a class or id marking a block as a column menu (left, lanmu …)
     * @param footerClassHints  fragments of a class or id marking a footer (foot, copyright …)
     */
    public record Words(List<String> notColumnTexts, List<String> homeTexts, List<String> menuClassHints,
                        List<String> footerClassHints) {
        public static final Words NONE = new Words(List.of(), List.of(), List.of(), List.of());

        public Words {
            notColumnTexts = lower(notColumnTexts);
            homeTexts = lower(homeTexts);
            menuClassHints = lower(menuClassHints);
            footerClassHints = lower(footerClassHints);
        }

        private static List<String> lower(List<String> words) {
            return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        }

        boolean isNotAColumn(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            for (String w : notColumnTexts) {
                if (w.endsWith("*") ? t.startsWith(w.substring(0, w.length() - 1)) : t.equals(w)) {
                    return true;
                }
            }
            // page numbers and arrows
            return t.chars().allMatch(Character::isDigit) || t.chars().allMatch(c -> "<>«»".indexOf(c) >= 0);
        }

        boolean isHome(String text) {
            return homeTexts.contains(text.toLowerCase(Locale.ROOT));
        }
    }

    private final int maxPerSection;
    private final Words words;

    /**
     * @param maxPerSection at most this many sub-columns are returned per section page
     * @param words         the catalogue's words for paging, home links and menu/footer class names
     */
    public SubColumnFinder(int maxPerSection, Words words) {
        if (maxPerSection < 0) {
            throw new IllegalArgumentException("maxPerSection must not be negative");
        }
        this.maxPerSection = maxPerSection;
        this.words = words;
    }

    /** A sub-column link: its text as decoded (whitespace collapsed) and its normalised URL. */
    public record SubColumn(String title, String url) {
    }

    /**
     * A link that looks like a column of the site, not an article: a short text and a URL that is no article page.
     */
    public static boolean isColumnLink(String title, String url) {
        if (url == null || title == null || title.isBlank() || title.strip().length() > MAX_COLUMN_TITLE) {
            return false;
        }
        String path = UrlNormalizer.path(url);
        String query = UrlNormalizer.query(url);
        return path != null && !ARTICLE_PATH.matcher(path.toLowerCase(Locale.ROOT)).find()
                && (query == null || !ARTICLE_QUERY.matcher(query.toLowerCase(Locale.ROOT)).find());
    }

    /**
     * The sub-columns of a section page, in page order, at most {@code maxPerSection}; empty when the page is no
     * column index.
     *
     * @param page       the section page, parsed with its own URL as base
     * @param sectionUrl the section's normalised URL
     * @param siteHosts  the site's own hosts, lower case; links elsewhere are never sub-columns
     * @param known      normalised URLs measured already (the homepage's sections, the site root)
     * @param itemUrls   normalised URLs of the page's own dated list entries (articles, never columns)
     * @param platform   true for the 政府信息公开 platform: any column block lists its columns
     */
    public List<SubColumn> find(Document page, String sectionUrl, Set<String> siteHosts, Set<String> known,
                                Set<String> itemUrls, boolean platform) {
        if (maxPerSection == 0) {
            return List.of();
        }
        String self = UrlNormalizer.normalize(sectionUrl).orElse(sectionUrl);
        String dir = directory(self);
        Map<Element, List<Link>> blocks = new LinkedHashMap<>();
        Map<Element, Boolean> ruledOut = new IdentityHashMap<>();
        for (Element a : page.select("a[href]")) {
            Optional<String> url = UrlNormalizer.normalize(a.absUrl("href"));
            if (url.isEmpty() || url.get().equals(self) || hiddenOrFooter(a)) {
                continue;
            }
            Element block = blockOf(a);
            if (ruledOut.computeIfAbsent(block, this::isFooter)) {
                continue;
            }
            String text = WHITESPACE.matcher(a.text()).replaceAll(" ").strip();
            String host = UrlNormalizer.host(url.get());
            boolean column = host != null && siteHosts.contains(host) && !known.contains(url.get())
                    && !itemUrls.contains(url.get()) && text.length() >= 2 && !words.isNotAColumn(text)
                    && isColumnLink(text, url.get());
            blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(new Link(text, url.get(), column));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<SubColumn> out = new ArrayList<>();
        for (Map.Entry<Element, List<Link>> b : blocks.entrySet()) {
            List<Link> links = b.getValue();
            List<Link> columns = links.stream().filter(Link::column).toList();
            if (links.stream().anyMatch(l -> words.isHome(l.text()))) {
                continue; // the site's navigation bar repeated on the section page, not the section's columns
            }
            if (columns.size() < MIN_COLUMNS || columns.size() < links.size() * COLUMN_SHARE) {
                continue;
            }
            long below = dir == null ? 0 : columns.stream().filter(l -> under(l.url(), dir)).count();
            if (!platform && below * 2 < columns.size() && !hinted(b.getKey())) {
                continue;
            }
            for (Link l : columns) {
                if (out.size() < maxPerSection && seen.add(l.url())) {
                    out.add(new SubColumn(l.text(), l.url()));
                }
            }
        }
        return List.copyOf(out);
    }

    private record Link(String text, String url, boolean column) {
    }

    /** The element that groups a link with its siblings: the nearest list, table or menu, else the nearest div. */
    private static Element blockOf(Element a) {
        Element div = null;
        for (Element e = a.parent(); e != null && !e.normalName().equals("body"); e = e.parent()) {
            switch (e.normalName()) {
                case "ul", "ol", "dl", "table", "nav", "menu" -> {
                    return e;
                }
                case "div" -> div = div == null ? e : div;
                default -> {
                }
            }
        }
        return div != null ? div : a.parent() != null ? a.parent() : a;
    }

    private static boolean hiddenOrFooter(Element a) {
        for (Element e = a; e != null; e = e.parent()) {
            String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
            if (style.contains("display:none") || style.contains("visibility:hidden") || e.hasAttr("hidden")) {
                return true;
            }
            if (e.normalName().equals("footer")) {
                return true;
            }
        }
        return false;
    }

    private boolean isFooter(Element block) {
        return hintUp(block, words.footerClassHints(), HINT_DEPTH + 2);
    }

    private boolean hinted(Element block) {
        return hintUp(block, words.menuClassHints(), HINT_DEPTH);
    }

    private static boolean hintUp(Element from, List<String> hints, int depth) {
        int level = 0;
        for (Element e = from; e != null && level <= depth; e = e.parent(), level++) {
            if (e.normalName().equals("body")) {
                return false;
            }
            String id = e.id().toLowerCase(Locale.ROOT);
            String cls = e.className().toLowerCase(Locale.ROOT);
            for (String h : hints) {
                if (id.contains(h) || cls.contains(h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The directory of a section URL ({@code /zwgk/} for {@code /zwgk/index.html}); null for the site root. */
    static String directory(String url) {
        String path = UrlNormalizer.path(url);
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "/" : path.substring(0, slash + 1);
        return dir.length() <= 1 ? null : dir;
    }

    private static boolean under(String url, String dir) {
        String path = UrlNormalizer.path(url);
        return path != null && path.startsWith(dir) && !path.equals(dir);
    }
}
