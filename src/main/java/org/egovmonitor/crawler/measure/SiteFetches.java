package org.egovmonitor.crawler.measure;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;
import org.egovmonitor.crawler.fetch.PageFetcher;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.parse.DecodedPage;
import org.egovmonitor.crawler.parse.PageDecoder;
import org.egovmonitor.crawler.parse.UrlNormalizer;
import org.egovmonitor.platform.BoundedFanOut;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GETs of one site's measurement: each page is fetched, recorded under its purpose (the measurement's evidence,
 * in the order made), remembered without its body (so a homepage link to the same URL is judged by it rather than
 * requested again), and parsed when it is whole HTML. Every step of a measurement fetches through one of these, so
 * the site's page budget is counted in one place. Safe for the few threads of one site's fan-outs.
 */
final class SiteFetches {

    private static final Logger LOG = LoggerFactory.getLogger(SiteFetches.class);

    private final String siteUrl;
    private final PageFetcher fetcher;
    private final PageDecoder decoder;
    private final BoundedFanOut fanOut;
    private final EvidenceSink evidence;
    private final List<Fetch> fetches = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FetchResult> fetched = Collections.synchronizedMap(new HashMap<>());

    SiteFetches(String siteUrl, PageFetcher fetcher, PageDecoder decoder, BoundedFanOut fanOut) {
        this(siteUrl, fetcher, decoder, fanOut, EvidenceSink.NONE);
    }

    /** Fetches whose bodies are handed to {@code evidence} as they arrive (the page snapshots). */
    SiteFetches(String siteUrl, PageFetcher fetcher, PageDecoder decoder, BoundedFanOut fanOut,
                EvidenceSink evidence) {
        this.siteUrl = siteUrl;
        this.fetcher = fetcher;
        this.decoder = decoder;
        this.fanOut = fanOut;
        this.evidence = evidence == null ? EvidenceSink.NONE : evidence;
    }

    /** A GET (without its body) and, when it was whole HTML, its charset and its parsed page. */
    record FetchedPage(FetchResult result, String charset, Document document) {
    }

    /** The site root the measurement was asked for, for logs. */
    String siteUrl() {
        return siteUrl;
    }

    /**
     * GETs one page, records it under {@code purpose} and parses it when it is whole HTML. The body and the decoded
     * text (together three times the page's size) become garbage here, not at the end of the site.
     */
    FetchedPage get(URI url, String purpose) {
        FetchResult r = fetcher.get(url);
        FetchResult facts = withoutBody(r);
        UrlNormalizer.normalize(facts.url()).ifPresent(u -> fetched.putIfAbsent(u, facts));
        String sha256 = r.body() == null ? null : sha256(r.body());
        if (!r.ok() || r.body() == null) {
            keep(r, sha256, null);
            record(r, purpose, null, sha256);
            return new FetchedPage(r, null, null);
        }
        DecodedPage page = decoder.decode(r.body(), r.contentType());
        keep(r, sha256, page.charset());
        record(r, purpose, page.charset(), sha256);
        Document doc = Jsoup.parse(page.html(), r.finalUrl());
        return new FetchedPage(facts, page.charset(), doc);
    }

    /**
     * {@code work} on each of {@code todo}, a few at a time (the fetcher enforces the per-host limit and delay as
     * well), in {@code todo}'s order; null where it failed unexpectedly or was interrupted.
     */
    <T, R> List<R> inParallel(List<T> todo, Function<T, R> work) {
        return fanOut.map(todo, work, (item, cause) -> {
            if (!(cause instanceof InterruptedException)) {
                LOG.warn("a fetch of {} failed unexpectedly", siteUrl, cause);
            }
            return null;
        });
    }

    /** What a GET of {@code normalizedUrl} in this measurement returned (without its body), or null. */
    FetchResult remembered(String normalizedUrl) {
        return fetched.get(normalizedUrl);
    }

    /** GETs made so far. */
    int count() {
        return fetches.size();
    }

    /** Pages still allowed of {@code maxPagesPerSite}. */
    int left(int maxPagesPerSite) {
        return Math.max(0, maxPagesPerSite - fetches.size());
    }

    /** Every GET so far, in the order made. */
    List<Fetch> all() {
        synchronized (fetches) {
            return List.copyOf(fetches);
        }
    }

    /** Every GET so far that ended in an error kind, in the order made. */
    List<CrawlError> errors() {
        List<CrawlError> errors = new ArrayList<>();
        synchronized (fetches) {
            for (Fetch f : fetches) {
                if (f.errorKind() != null) {
                    errors.add(new CrawlError(f.url(), f.errorKind()));
                }
            }
        }
        return errors;
    }

    private void record(FetchResult r, String purpose, String charset, String sha256) {
        fetches.add(new Fetch(r.url(), r.finalUrl(), purpose, r.status(), r.responseMs(), r.bytes(), charset,
                r.error() == null ? null : r.error().name(), sha256));
    }

    /**
     * Hands the body to the evidence sink now, while it is in memory anyway, so that no site's pages are ever held
     * together for the snapshot store. The store failing (a database hiccup) costs the snapshot, not the crawl.
     */
    private void keep(FetchResult r, String sha256, String charset) {
        if (sha256 == null) {
            return;
        }
        try {
            evidence.keep(r.url(), sha256, r.body(), r.contentType(), charset);
        } catch (RuntimeException e) {
            LOG.warn("keeping the snapshot of {} failed: {}", r.url(), e.toString());
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}: the snapshot's key. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The fetch's facts without its body, which is kept nowhere once parsed. */
    private static FetchResult withoutBody(FetchResult r) {
        return r.body() == null ? r : new FetchResult(r.url(), r.finalUrl(), r.status(), r.responseMs(), r.bytes(),
                r.contentType(), null, r.error(), r.errorDetail(), r.redirects());
    }

    /** A page that a fan-out could not fetch (it failed unexpectedly): an IO error, never requested again. */
    static FetchedPage notFetched(String url) {
        return new FetchedPage(new FetchResult(url, url, 0, 0, 0, null, null, FetchErrorKind.IO_ERROR, "not fetched",
                List.of()), null, null);
    }
}
