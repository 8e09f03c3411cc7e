package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.measure.SiteFetches.FetchedPage;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.parse.EntryPageFinder;
import org.egovmonitor.crawler.parse.LinkExtractor;
import org.egovmonitor.crawler.parse.PageLink;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a measurement: GETs the site root and follows a page that only leads to the real homepage (a
 * meta refresh, a script redirect, a frameset, one big iframe, a 进入首页 splash; {@link EntryPageFinder}) at most
 * {@value #MAX_ENTRY_HOPS} hops, never back to a page already seen, within the site's registered domain. Each hop is
 * an {@link MeasurementEngine#ENTRY} fetch; a hop that fails leaves the page already read as the homepage; a hop to
 * another site is not followed but recorded as an EXTERNAL_REDIRECT finding. The other frames of a frameset (at most
 * {@value #MAX_OTHER_FRAMES}) are read for their links, which count as the homepage's with placement FRAME.
 */
final class HomepageOpener {

    private static final Logger LOG = LoggerFactory.getLogger(HomepageOpener.class);

    /** Entry pages followed in a row before the page reached is taken as the homepage. */
    static final int MAX_ENTRY_HOPS = 3;

    /** Other frames of a frameset homepage whose links are read (a top navigation frame, a left menu). */
    static final int MAX_OTHER_FRAMES = 3;

    private final EntryPageFinder entryFinder;
    private final LinkExtractor linkExtractor = new LinkExtractor();

    HomepageOpener(EntryPageFinder entryFinder) {
        this.entryFinder = entryFinder;
    }

    OpenedHomepage open(URI root, SiteFetches site) {
        String rootUrl = site.siteUrl();
        Page opened = page(root, MeasurementEngine.HOMEPAGE, site);
        if (opened.fetched().document() == null) {
            return opened.asHomepage(Set.of(), List.of());
        }
        Set<String> hosts = new LinkedHashSet<>();
        addHost(hosts, rootUrl);
        addHost(hosts, opened.finalUrl());
        List<CrawlError> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        UrlNormalizer.normalize(rootUrl).ifPresent(seen::add);
        UrlNormalizer.normalize(opened.finalUrl()).ifPresent(seen::add);
        List<PageLink> frameLinks = new ArrayList<>();
        int framesRead = 0;
        for (int hop = 0; hop < MAX_ENTRY_HOPS; hop++) {
            EntryPageFinder.Entry entry = entryFinder.find(opened.fetched().document(), opened.links()).orElse(null);
            URI next = entry == null ? null : MeasurementEngine.toUri(entry.url());
            if (next == null) {
                break;
            }
            if (!EntryPageFinder.sameSite(opened.finalUrl(), entry.url())) {
                LOG.info("{}: the homepage leads to another site ({} {}), not followed", rootUrl, entry.kind(),
                        entry.url());
                findings.add(new CrawlError(entry.url(), FetchErrorKind.EXTERNAL_REDIRECT.name()));
                break;
            }
            if (!seen.add(entry.url())) {
                break; // A → B → A: the page we have is the homepage
            }
            Page real = page(next, MeasurementEngine.ENTRY, site);
            if (real.fetched().document() == null) {
                break; // the failed hop is recorded; the page we have is measured
            }
            UrlNormalizer.normalize(real.finalUrl()).ifPresent(seen::add);
            addHost(hosts, real.finalUrl());
            for (String frame : entry.otherFrames()) {
                URI frameUri = MeasurementEngine.toUri(frame);
                if (frameUri != null && framesRead < MAX_OTHER_FRAMES
                        && EntryPageFinder.sameSite(real.finalUrl(), frame) && seen.add(frame)) {
                    framesRead++;
                    page(frameUri, MeasurementEngine.ENTRY, site).links().forEach(l -> frameLinks.add(new PageLink(
                            l.text(), l.url(), l.hidden(), l.context(), l.source(), PageLink.Placement.FRAME)));
                }
            }
            opened = real;
        }
        List<PageLink> links = opened.links();
        if (!frameLinks.isEmpty()) {
            links = new ArrayList<>(links);
            links.addAll(frameLinks);
        }
        return new Page(opened.fetched(), List.copyOf(links)).asHomepage(hosts, findings);
    }

    /** One page of the homepage chain and, when it was whole HTML, its links. */
    private record Page(FetchedPage fetched, List<PageLink> links) {
        String finalUrl() {
            return fetched.result().finalUrl();
        }

        OpenedHomepage asHomepage(Set<String> hosts, List<CrawlError> findings) {
            return new OpenedHomepage(fetched.result(), fetched.charset(), fetched.document(), links, hosts,
                    findings);
        }
    }

    private Page page(URI url, String purpose, SiteFetches site) {
        FetchedPage fetched = site.get(url, purpose);
        return new Page(fetched, fetched.document() == null ? List.of() : linkExtractor.extract(fetched.document()));
    }

    private static void addHost(Set<String> hosts, String url) {
        String h = UrlNormalizer.host(url);
        if (h != null) {
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
    }
}
