package org.egovmonitor.crawler.classify;

import crawlercommons.domains.EffectiveTldFinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.classify.SectionDecision.Reason;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.egovmonitor.registry.SiteKind;

/**
 * Recognises a site's sections among its homepage links. Pure and thread-safe.
 *
 * <p>Rules, at most one section per family (the first match wins) and one family per URL:
 * <ul>
 *   <li>only links on the site's own hosts: the homepage's host ({@code www.} prefix ignored) and other hosts of the
 *       same registered domain ({@code xxgk.bjhd.gov.cn} is 海淀's own 信息公开 platform beside
 *       {@code www.bjhd.gov.cn}); never another unit's domain (上级、下级、友情链接) and never decoys (search and keyword
 *       links, see {@code decoys} in the catalogue);</li>
 *   <li>the link text is normalised ({@link SectionText}); an exact synonym match wins, then a short menu label
 *       ({@code shortLabels}, whole text only), otherwise — only when the text is at most {@code maxContainsLength}
 *       characters — the longest synonym the text contains, so headlines such as 关于做好办事指南编制工作的通知 are not
 *       sections;</li>
 *   <li>a link without text is read by its {@code title}, its image's {@code alt}, or an image map's {@code alt}
 *       (see {@link PageLink#source()}); a "more" link ({@code 更多>>}, {@code >>}) by {@link PageLink#context()},
 *       the heading of its block; its section title is that heading;</li>
 *   <li>links in the page's markup first, in page order, then the entries of dropdown menus, of menus an inline
 *       script writes and of the homepage's other frames (a frameset's top navigation frame;
 *       {@link PageLink#placement()}): a menu a script reveals or prints is as much the site's
 *       navigation, but a link in the markup to the same family is what every visitor sees; hidden links that are
 *       no dropdown are never sections;</li>
 *   <li>last, a short or empty link text that names no family is read by its URL: the column's directory or file
 *       name ({@code /zwgk/}, {@code tzgg.asp}; {@code urlHints} in the catalogue). Article pages never match, their
 *       last directory being a date or a number.</li>
 * </ul>
 * {@link #decide} says for every link what became of it and why ({@code measure --explain}). The site kind does not
 * change recognition; it decides which families are required ({@link #missingFamilies}).
 */
public final class SectionClassifier {

    /** A link text longer than this (characters) is not read by its URL: it says what it is itself. */
    static final int MAX_HINT_TEXT_LENGTH = 8;

    /** File names of a column's own page: /zwgk/index.html is the zwgk column. */
    private static final Pattern INDEX_FILE = Pattern.compile(
            "(?i)(index|default|main|list|home)(_\\d+)?\\.(s?html?|aspx?|jsp|php)");

    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(s?html?|aspx?|jsp|php|do|action)$");

    private final SectionCatalog catalog;
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> shortLabels = new HashMap<>();
    private final Map<String, String> urlHints = new HashMap<>();
    private final List<String[]> byLengthDesc = new ArrayList<>(); // {normalized synonym, family id}

    public SectionClassifier(SectionCatalog catalog) {
        this.catalog = catalog;
        for (SectionFamily family : catalog.families()) {
            List<String> texts = new ArrayList<>(family.synonyms());
            texts.add(family.name());
            for (String synonym : texts) {
                String n = SectionText.normalize(synonym);
                if (exact.putIfAbsent(n, family.id()) == null) {
                    byLengthDesc.add(new String[] {n, family.id()});
                }
            }
            family.shortLabels().forEach(l -> shortLabels.putIfAbsent(SectionText.normalize(l), family.id()));
            family.urlHints().forEach(h -> urlHints.putIfAbsent(h.toLowerCase(Locale.ROOT), family.id()));
        }
        byLengthDesc.sort(Comparator.comparingInt((String[] s) -> SectionText.length(s[0])).reversed());
    }

    /**
     * @param homepageLinks the homepage's links in document order, from {@link org.egovmonitor.crawler.parse.LinkExtractor}
     * @param siteHosts     the site's own host names (no port); {@code www.} prefixes are ignored on both sides
     * @param kind          the site kind (recognition is the same for every kind)
     */
    public List<ClassifiedSection> classify(List<PageLink> homepageLinks, Set<String> siteHosts, SiteKind kind) {
        return sections(decide(homepageLinks, siteHosts));
    }

    /** The sections among decisions, in the order of their links on the page. */
    public static List<ClassifiedSection> sections(List<SectionDecision> decisions) {
        List<ClassifiedSection> out = new ArrayList<>();
        for (SectionDecision d : decisions) {
            if (d.taken()) {
                PageLink l = d.link();
                String title = d.rule() == SectionRule.MORE_LINK ? l.context() : l.text();
                out.add(new ClassifiedSection(d.family(), title, l.url(), d.rule()));
            }
        }
        return out;
    }

    /** What becomes of every link, in page order: taken for a section (family, rule) or left out (reason). */
    public List<SectionDecision> decide(List<PageLink> homepageLinks, Set<String> siteHosts) {
        SiteHosts hosts = new SiteHosts(siteHosts);
        int n = homepageLinks.size();
        SectionDecision[] decisions = new SectionDecision[n];
        Set<String> familiesSeen = new HashSet<>();
        Set<String> urlsSeen = new HashSet<>();
        // Pass 1 links in the markup, pass 2 dropdown entries and script-written menus; a link's text decides.
        for (boolean secondary : new boolean[] {false, true}) {
            for (int i = 0; i < n; i++) {
                PageLink link = homepageLinks.get(i);
                if ((link.placement() != PageLink.Placement.PAGE) != secondary) {
                    continue;
                }
                String host = UrlNormalizer.host(link.url());
                if (link.hidden()) {
                    decisions[i] = SectionDecision.left(link, Reason.HIDDEN);
                } else if (host == null || !hosts.owns(host)) {
                    decisions[i] = SectionDecision.left(link, Reason.EXTERNAL);
                } else if (catalog.isDecoy(link.url())) {
                    decisions[i] = SectionDecision.left(link, Reason.DECOY);
                } else {
                    decisions[i] = byText(link, familiesSeen, urlsSeen);
                }
            }
        }
        // Pass 3: short or empty texts that named nothing, by the column name in their URL.
        for (int i = 0; i < n; i++) {
            SectionDecision d = decisions[i];
            PageLink link = d.link();
            boolean unnamed = d.reason() == Reason.NO_MATCH || d.reason() == Reason.NO_HEADING;
            if (!unnamed || SectionText.length(SectionText.normalize(link.text())) > MAX_HINT_TEXT_LENGTH) {
                continue;
            }
            Optional<String> family = familyOfUrl(link.url());
            if (family.isEmpty()) {
                continue;
            }
            if (urlsSeen.contains(link.url())) {
                decisions[i] = SectionDecision.left(link, Reason.URL_TAKEN);
            } else if (!familiesSeen.add(family.get())) {
                decisions[i] = SectionDecision.left(link, Reason.FAMILY_TAKEN);
            } else {
                urlsSeen.add(link.url());
                decisions[i] = SectionDecision.taken(link, family.get(), SectionRule.URL_HINT);
            }
        }
        return Arrays.asList(decisions);
    }

    private SectionDecision byText(PageLink link, Set<String> familiesSeen, Set<String> urlsSeen) {
        String text = SectionText.normalize(link.text());
        boolean more = text.isEmpty();
        if (more) {
            // A "more" link: the block heading says what it leads to.
            text = SectionText.normalize(link.context());
            if (text.isEmpty()) {
                return SectionDecision.left(link, Reason.NO_HEADING);
            }
        }
        Match match = match(text);
        if (match == null) {
            return SectionDecision.left(link, more ? Reason.NO_HEADING
                    : SectionText.length(text) > catalog.maxContainsLength() ? Reason.TOO_LONG : Reason.NO_MATCH);
        }
        if (match.rule == SectionRule.CONTAINS && catalog.endsLikeUnitName(text)) {
            // 交通局 or 文化和旅游局 names another unit that happens to contain a family word.
            return SectionDecision.left(link, Reason.UNIT_NAME);
        }
        if (urlsSeen.contains(link.url())) {
            return SectionDecision.left(link, Reason.URL_TAKEN);
        }
        if (!familiesSeen.add(match.family)) {
            return SectionDecision.left(link, Reason.FAMILY_TAKEN);
        }
        urlsSeen.add(link.url());
        return SectionDecision.taken(link, match.family, rule(link, more, match.rule));
    }

    private static SectionRule rule(PageLink link, boolean more, SectionRule textRule) {
        if (more) {
            return SectionRule.MORE_LINK;
        }
        return switch (link.source()) {
            case IMAGE_MAP -> SectionRule.IMAGE_MAP;
            case IMAGE_ALT -> SectionRule.IMAGE_ALT;
            case TITLE -> SectionRule.LINK_TITLE;
            case TEXT -> switch (link.placement()) {
                case DROPDOWN -> SectionRule.HIDDEN_MENU;
                case SCRIPT -> SectionRule.SCRIPT_MENU;
                case ONCLICK -> SectionRule.ONCLICK_MENU;
                case FRAME -> SectionRule.FRAME;
                case PAGE -> textRule;
            };
        };
    }

    /** The required families of this kind that no section was classified into, in catalogue order. */
    public List<String> missingFamilies(List<ClassifiedSection> sections, SiteKind kind) {
        Set<String> found = new HashSet<>();
        sections.forEach(s -> found.add(s.family()));
        return catalog.requiredFamilies(kind).stream().filter(id -> !found.contains(id)).toList();
    }

    /**
     * The family a link text names, if any: exact synonym first, then the longest contained synonym (short texts that
     * do not end like a unit's name).
     */
    public Optional<String> familyOf(String linkText) {
        String text = SectionText.normalize(linkText);
        Match m = match(text);
        return m == null || m.rule == SectionRule.CONTAINS && catalog.endsLikeUnitName(text) ? Optional.empty()
                : Optional.of(m.family);
    }

    /** The family a link text names exactly (one of its synonyms or its name, after normalisation), if any. */
    public Optional<String> exactFamilyOf(String linkText) {
        return Optional.ofNullable(exact.get(SectionText.normalize(linkText)));
    }

    /**
     * The family a URL's column name gives: the file name without extension ({@code zwgk.asp}), else the last
     * directory when the file is the column's own index page or absent ({@code /zwgk/tzgg/}, {@code
     * /xxgk/index.shtml}).
     */
    public Optional<String> familyOfUrl(String url) {
        String path = UrlNormalizer.path(url);
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        String[] parts = path.toLowerCase(Locale.ROOT).split("/");
        int last = parts.length - 1;
        String file = path.endsWith("/") ? "" : parts[last];
        int dir = path.endsWith("/") ? last : last - 1;
        if (!file.isEmpty() && !INDEX_FILE.matcher(file).matches()) {
            return Optional.ofNullable(urlHints.get(EXTENSION.matcher(file).replaceFirst("")));
        }
        return dir >= 1 ? Optional.ofNullable(urlHints.get(parts[dir])) : Optional.empty();
    }

    private record Match(String family, SectionRule rule) {
    }

    private Match match(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String id = exact.get(text);
        if (id != null) {
            return new Match(id, SectionRule.SYNONYM);
        }
        id = shortLabels.get(text);
        if (id != null) {
            return new Match(id, SectionRule.SHORT_LABEL);
        }
        int length = SectionText.length(text);
        if (length > catalog.maxContainsLength()) {
            return null;
        }
        for (String[] synonym : byLengthDesc) {
            // 池州概况 or 政务公开专栏 name a column; 关于再就业工作的咨询 is a sentence that happens to contain one.
            if (text.contains(synonym[0]) && length - SectionText.length(synonym[0]) <= catalog.maxContainsExtra()) {
                return new Match(synonym[1], SectionRule.CONTAINS);
            }
        }
        return null;
    }

    /**
     * The hosts that are the site itself: the given ones ({@code www.} ignored) and any host of the same registered
     * domain (its assigned domain under the public suffix list, e.g. {@code bjhd.gov.cn}). IP addresses and
     * single-label names only match themselves.
     */
    private static final class SiteHosts {
        private final Set<String> bare = new HashSet<>();
        private final Set<String> domains = new HashSet<>();

        SiteHosts(Set<String> hosts) {
            for (String h : hosts) {
                String b = bareHost(h);
                bare.add(b);
                registeredDomain(b).ifPresent(domains::add);
            }
        }

        boolean owns(String host) {
            String b = bareHost(host);
            return bare.contains(b) || registeredDomain(b).map(domains::contains).orElse(false);
        }

        private static Optional<String> registeredDomain(String host) {
            if (host.isEmpty() || host.indexOf('.') < 0 || host.startsWith("[") || Character.isDigit(
                    host.charAt(host.length() - 1))) {
                return Optional.empty();
            }
            String d = EffectiveTldFinder.getAssignedDomain(host, true, false);
            return d == null || d.equals(host) && host.indexOf('.') < 0 ? Optional.empty() : Optional.of(d);
        }
    }

    private static String bareHost(String host) {
        String h = host.toLowerCase(Locale.ROOT).trim();
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
