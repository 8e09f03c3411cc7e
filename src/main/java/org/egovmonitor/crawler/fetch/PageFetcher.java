package org.egovmonitor.crawler.fetch;

import java.net.URI;

/**
 * Fetches URLs with every defence applied: SSRF guard (also on each redirect hop), robots.txt, per-host politeness,
 * wall-clock deadline, size cap, decompression guard, redirect cap. Implementations are thread-safe; callers may
 * fetch many hosts in parallel and the fetcher enforces per-host limits itself. Never throws for network trouble:
 * every failure is a {@link FetchResult} with an error kind.
 */
public interface PageFetcher extends AutoCloseable {

    /** GET a page; the body is kept when the response is whole and looks like HTML/text. */
    FetchResult get(URI uri);

    /** Check that a URL answers (link health): HEAD, falling back to a bounded GET when HEAD is refused. */
    FetchResult check(URI uri);

    @Override
    void close();
}
