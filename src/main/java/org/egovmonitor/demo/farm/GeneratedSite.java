package org.egovmonitor.demo.farm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A generated site: its pages and its truth. Homepage, list pages, robots.txt, stubs and static files are rendered
 * when the site is generated; item detail pages (the bulk of a site) are rendered on first request and cached, so a
 * farm of 500 sites stays small in memory while no request pays for generation twice.
 */
public final class GeneratedSite {

    private final SiteSpec spec;
    private final SiteTraits traits;
    private final SiteTruth truth;
    private final Map<String, FarmPage> pages;
    private final Map<String, ?> detailModels;
    private final Function<String, FarmPage> detailRenderer;
    private final Map<String, FarmPage> detailCache = new ConcurrentHashMap<>();
    private final FarmPage notFound;

    GeneratedSite(SiteSpec spec, SiteTraits traits, SiteTruth truth, Map<String, FarmPage> pages,
                  Map<String, ?> detailModels, Function<String, FarmPage> detailRenderer, FarmPage notFound) {
        this.spec = spec;
        this.traits = traits;
        this.truth = truth;
        this.pages = Map.copyOf(pages);
        this.detailModels = Map.copyOf(detailModels);
        this.detailRenderer = detailRenderer;
        this.notFound = notFound;
    }

    public SiteSpec spec() {
        return spec;
    }

    public SiteTraits traits() {
        return traits;
    }

    public SiteTruth truth() {
        return truth;
    }

    /** Pre-rendered pages by path-and-query ({@code /}, {@code /list.asp?classid=3&page=2} …). */
    public Map<String, FarmPage> pages() {
        return pages;
    }

    /** Paths of item detail pages, rendered on demand by {@link #page(String)}. */
    public java.util.Set<String> detailPaths() {
        return detailModels.keySet();
    }

    /** The page at a path-and-query, if the site has one. Any {@code /search…} path is the search page. */
    public Optional<FarmPage> page(String pathAndQuery) {
        FarmPage p = pages.get(pathAndQuery);
        if (p != null) {
            return Optional.of(p);
        }
        if (detailModels.containsKey(pathAndQuery)) {
            return Optional.of(detailCache.computeIfAbsent(pathAndQuery, detailRenderer));
        }
        if (pathAndQuery.startsWith("/search")) {
            int q = pathAndQuery.indexOf('?');
            String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            return Optional.ofNullable(pages.get(path));
        }
        return Optional.empty();
    }

    /** The response for a path: the page or the site's 404 page. */
    public FarmPage respond(String pathAndQuery) {
        return page(pathAndQuery).orElseGet(() -> softNotFound != null && pagePath(pathAndQuery) ? softNotFound
                : notFound);
    }

    // ---------------------------------------------------------------- technical traits (issue 17)

    private TechnicalTraits technical;
    /** What a soft-404 site answers for a missing page (its homepage, status 200); null: the 404 page. */
    private FarmPage softNotFound;

    /** Set once by the renderer, right after construction. */
    void technical(TechnicalTraits traits, FarmPage softNotFound) {
        this.technical = traits;
        this.softNotFound = softNotFound;
    }

    /** How the site fares on the technical checks of the inspection. */
    public TechnicalTraits technical() {
        return technical;
    }

    /**
     * A missing page a soft-404 site answers with 200: an {@code .html}/{@code .htm} path without query, as CMS
     * catch-alls do. Other paths (favicon.ico, the dead {@code index.asp} links of the truth) still answer 404.
     */
    private static boolean pagePath(String pathAndQuery) {
        return pathAndQuery.indexOf('?') < 0 && (pathAndQuery.endsWith(".html") || pathAndQuery.endsWith(".htm"));
    }
}
