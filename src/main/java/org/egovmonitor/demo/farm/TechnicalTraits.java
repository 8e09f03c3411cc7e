package org.egovmonitor.demo.farm;

/**
 * How a generated site fares on the technical checks of the inspection (crawler.inspect, {@code technical:} of
 * crawlers/checks.yml): drawn per site from its own random sequence, rendered into its pages, and what a measurement
 * with checks must find. HTTPS and IPv6 are not simulated: the farm serves plain HTTP on IPv4 loopback addresses.
 *
 * @param viewport       the homepage declares a mobile viewport (the modern layout does, the 2003 tables do not)
 * @param siteCode       the 网站标识码 shown in the footer, or null when the footer has none
 * @param icp            the footer shows the ICP 备案号
 * @param publicSecurity the 公安机关备案号 shown in the footer, or null
 * @param govMark        the footer carries the 党政机关网站 mark's script
 * @param search         the homepage's site search
 * @param soft404        a missing page ({@code .html}, {@code .htm}) answers 200 with the homepage instead of 404
 */
public record TechnicalTraits(boolean viewport, String siteCode, boolean icp, String publicSecurity, boolean govMark,
                              Search search, boolean soft404) {

    /** The homepage's site search. */
    public enum Search {
        /** A search form whose target answers. */
        FORM,
        /** No search box (perhaps a few 热门搜索 links, which are no search). */
        NONE,
        /** A search form whose target is missing (HTTP 404). */
        BROKEN
    }

    /** Where a BROKEN search form sends its query: a search engine the site no longer runs. */
    static final String BROKEN_SEARCH_PATH = "/was5/web/search.jsp";
}
