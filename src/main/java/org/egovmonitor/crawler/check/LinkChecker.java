package org.egovmonitor.crawler.check;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.platform.BoundedFanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks link health: each distinct link once (fragments ignored), in parallel on threads that live only for the
 * duration of one call, through {@link PageFetcher#check(URI)}, which applies the SSRF guard, per-host politeness
 * and the deadline. Only http(s) links are checked; {@code mailto:}, {@code javascript:} and the like are ignored
 * (they are not links a health check can judge) and are not counted as skipped.
 *
 * <p>robots.txt: the fetcher's {@code check} does not fetch robots.txt for external hosts (a health check is one
 * request per link, like a visitor following it) but honours rules already cached for the site being measured.
 */
public final class LinkChecker {

    private static final Logger LOG = LoggerFactory.getLogger(LinkChecker.class);

    private final PageFetcher fetcher;
    private final BoundedFanOut checks;

    public LinkChecker(PageFetcher fetcher, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.fetcher = fetcher;
        this.checks = new BoundedFanOut("egov-linkcheck", parallelism);
    }

    /** Checks up to {@code maxLinks} distinct links; the rest are skipped (logged; see {@link #check}). */
    public List<LinkCheckResult> checkAll(Collection<URI> links, int maxLinks) {
        return check(links, maxLinks).results();
    }

    /** Like {@link #checkAll} but also reports how many distinct links were skipped over {@code maxLinks}. */
    public LinkCheckReport check(Collection<URI> links, int maxLinks) {
        Set<URI> distinct = new LinkedHashSet<>();
        for (URI link : links) {
            URI normalised = normalise(link);
            if (normalised != null) {
                distinct.add(normalised);
            }
        }
        List<URI> toCheck = distinct.stream().limit(Math.max(0, maxLinks)).toList();
        int skipped = distinct.size() - toCheck.size();
        if (skipped > 0) {
            LOG.info("link check: {} distinct links, {} checked, {} skipped over the limit", distinct.size(),
                    toCheck.size(), skipped);
        }
        if (toCheck.isEmpty()) {
            return new LinkCheckReport(List.of(), skipped);
        }
        List<FetchResult> fetched = checks.map(toCheck, fetcher::check, (uri, cause) -> {
            if (cause instanceof InterruptedException) {
                return failed(uri.toString(), "interrupted");
            }
            // PageFetcher never throws for network trouble; this is a bug, but one link must not sink the run.
            LOG.warn("link check of {} failed unexpectedly", uri, cause);
            return failed(uri.toString(), String.valueOf(cause));
        });
        List<LinkCheckResult> results = new ArrayList<>(toCheck.size());
        for (int i = 0; i < toCheck.size(); i++) {
            results.add(LinkCheckResult.of(toCheck.get(i).toString(), fetched.get(i)));
        }
        return new LinkCheckReport(results, skipped);
    }

    private static FetchResult failed(String url, String detail) {
        return new FetchResult(url, url, 0, 0, 0, null, null, FetchErrorKind.IO_ERROR, detail, List.of());
    }

    /** http(s) links without their fragment; null for anything else. */
    static URI normalise(URI link) {
        if (link == null || link.getScheme() == null) {
            return null;
        }
        String scheme = link.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (link.getRawFragment() == null) {
            return link;
        }
        String s = link.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
