package org.egovmonitor.crawler.measure;

import java.util.List;
import java.util.Set;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.parse.PageLink;
import org.jsoup.nodes.Document;

/**
 * The page measured as a site's homepage, as {@link HomepageOpener} reached it: its GET (without the body) and, when
 * it was whole HTML, its charset, the parsed page and its links (those of the other frames of a frameset included),
 * and the site's own hosts met on the way. {@code findings} is what the entry chain showed beyond its fetches (a hop
 * to another site, not followed).
 */
record OpenedHomepage(FetchResult result, String charset, Document doc, List<PageLink> links, Set<String> hosts,
                      List<CrawlError> findings) {
}
