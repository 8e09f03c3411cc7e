package org.egovmonitor.crawler.fetch;

import java.util.List;

/**
 * The outcome of one fetch, successful or not. A body cut short by the size cap, the deadline or the
 * decompression guard is never returned as {@link #body()}: the result carries the error kind instead.
 *
 * @param url           the URL asked for
 * @param finalUrl      the URL the last response came from (after redirects)
 * @param status        the last HTTP status seen, 0 when no response arrived
 * @param responseMs    wall-clock time of the whole fetch, body included
 * @param bytes         body bytes received (after decompression)
 * @param contentType   the Content-Type header, or null (kept for NOT_HTML)
 * @param body          the whole body, or null (HEAD, error, or not wanted)
 * @param error         null when the fetch produced a whole response with status < 400
 * @param errorDetail   a short technical detail for logs and evidence, or null
 * @param redirects     the URLs redirected through, in order (empty when none): each URL that answered with a
 *                      redirect, so {@code url} comes first and the chain continues with {@code finalUrl}
 */
public record FetchResult(
        String url,
        String finalUrl,
        int status,
        long responseMs,
        long bytes,
        String contentType,
        byte[] body,
        FetchErrorKind error,
        String errorDetail,
        List<String> redirects) {

    public boolean ok() {
        return error == null;
    }
}
