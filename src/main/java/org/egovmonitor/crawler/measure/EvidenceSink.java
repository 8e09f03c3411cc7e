package org.egovmonitor.crawler.measure;

/**
 * Where the bytes of every page a measurement fetched go, as they are fetched (网页快照取证): the observations feature
 * keeps them de-duplicated by hash, so that a finding can show what the crawler saw. Called from the crawl's
 * fetching threads, once per GET that received a body, before the body is parsed and dropped: an implementation must
 * not hold on to {@code body} (a site's pages are never held together) and must be thread-safe. A failure to keep a
 * snapshot must not fail the crawl: the caller logs what it throws and carries on.
 */
@FunctionalInterface
public interface EvidenceSink {

    /**
     * @param url         the address asked for (the fetch record's url)
     * @param sha256      the SHA-256 of {@code body}, lower-case hex
     * @param body        the body bytes as received (the fetcher's size cap applies)
     * @param contentType the Content-Type header, null when none
     * @param charset     the charset the crawler decoded the body with, null when it was not decoded (not HTML)
     */
    void keep(String url, String sha256, byte[] body, String contentType, String charset);

    /** Keeps nothing (the CLI's measure, tests, engines built without a store). */
    EvidenceSink NONE = (url, sha256, body, contentType, charset) -> {
    };
}
