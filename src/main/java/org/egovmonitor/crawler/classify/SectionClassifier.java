package org.egovmonitor.crawler.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.crawler.parse.UrlNormalizer;

/**
 * Recognises a site's sections among its homepage links. Pure and thread-safe.
 *
 * <p>Rules, in homepage order, at most one section per family (the first visible match wins) and one family per URL:
 * <ul>
 *   <li>only visible links on the site's own host(s) ({@code www.} prefix ignored); never decoys (search and
 *       keyword links, see {@code decoys} in the catalogue); an external 信息公开 link is not the site's section;</li>
 *   <li>the link text is normalised ({@link SectionText}); an exact synonym match wins, otherwise — only when the
 *       text is at most {@code maxContainsLength} characters — the longest synonym the text contains, so
 *       headlines such as 关于做好办事指南编制工作的通知 are not sections;</li>
 *   <li>a "more" link ({@code 更多>>}, {@code more}, {@code >>}, an image without text) is classified by
 *       {@link PageLink#context()}, the block heading before it computed by
 *       {@link org.egovmonitor.crawler.parse.LinkExtractor}; its section title is that heading.</li>
 * </ul>
 * The site kind does not change recognition: every family is recognised on every kind of site; it decides which
 * families are required ({@link #missingFamilies}).
 */
public final class SectionClassifier {

    private final SectionCatalog catalog;
    private final Map<String, String> exact = new HashMap<>();
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
        }
        byLengthDesc.sort(Comparator.comparingInt((String[] s) -> SectionText.length(s[0])).reversed());
    }

    /**
     * @param homepageLinks the homepage's links in document order, from {@link org.egovmonitor.crawler.parse.LinkExtractor}
     * @param siteHosts     the site's own host names (no port); {@code www.} prefixes are ignored on both sides
     * @param kind          the site kind (recognition is the same for every kind)
     */
    public List<ClassifiedSection> classify(List<PageLink> homepageLinks, Set<String> siteHosts, SiteKind kind) {
        Set<String> hosts = new HashSet<>();
        for (String h : siteHosts) {
            hosts.add(bareHost(h));
        }
        Set<String> familiesSeen = new HashSet<>();
        Set<String> urlsSeen = new HashSet<>();
        List<ClassifiedSection> sections = new ArrayList<>();
        for (PageLink link : homepageLinks) {
            if (link.hidden() || urlsSeen.contains(link.url())) {
                continue;
            }
            String host = UrlNormalizer.host(link.url());
            if (host == null || !hosts.contains(bareHost(host)) || catalog.isDecoy(link.url())) {
                continue;
            }
            String text = SectionText.normalize(link.text());
            String title = link.text();
            if (text.isEmpty()) {
                // A "more" link: the block heading says what it leads to.
                text = SectionText.normalize(link.context());
                title = link.context();
            }
            Optional<String> family = familyOfNormalized(text);
            if (family.isPresent() && familiesSeen.add(family.get())) {
                urlsSeen.add(link.url());
                sections.add(new ClassifiedSection(family.get(), title, link.url()));
            }
        }
        return sections;
    }

    /** The required families of this kind that no section was classified into, in catalogue order. */
    public List<String> missingFamilies(List<ClassifiedSection> sections, SiteKind kind) {
        Set<String> found = new HashSet<>();
        sections.forEach(s -> found.add(s.family()));
        return catalog.requiredFamilies(kind).stream().filter(id -> !found.contains(id)).toList();
    }

    /** The family a link text names, if any: exact synonym first, then the longest contained synonym (short texts). */
    public Optional<String> familyOf(String linkText) {
        return familyOfNormalized(SectionText.normalize(linkText));
    }

    /** The family a link text names exactly (one of its synonyms or its name, after normalisation), if any. */
    public Optional<String> exactFamilyOf(String linkText) {
        return Optional.ofNullable(exact.get(SectionText.normalize(linkText)));
    }

    private Optional<String> familyOfNormalized(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String id = exact.get(text);
        if (id != null) {
            return Optional.of(id);
        }
        if (SectionText.length(text) > catalog.maxContainsLength()) {
            return Optional.empty();
        }
        for (String[] synonym : byLengthDesc) {
            if (text.contains(synonym[0])) {
                return Optional.of(synonym[1]);
            }
        }
        return Optional.empty();
    }

    private static String bareHost(String host) {
        String h = host.toLowerCase(Locale.ROOT).trim();
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
