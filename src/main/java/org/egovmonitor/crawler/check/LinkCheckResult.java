package org.egovmonitor.crawler.check;

import org.egovmonitor.crawler.fetch.FetchErrorKind;
import org.egovmonitor.crawler.fetch.FetchResult;

/**
 * The health of one link.
 *
 * @param url    the link as checked (fragment removed)
 * @param status the last HTTP status seen, 0 when no response arrived
 * @param error  the {@link FetchErrorKind} name when the check failed, else null
 * @param broken true when the link fails a visitor: an error, or a status of 400 or more. A link that robots.txt
 *               forbids us to request is reported with its error but not as broken: we do not know.
 */
public record LinkCheckResult(String url, int status, String error, boolean broken) {

    static LinkCheckResult of(String url, FetchResult r) {
        FetchErrorKind e = r.error();
        boolean broken = (e != null && e != FetchErrorKind.ROBOTS_DISALLOWED) || r.status() >= 400;
        return new LinkCheckResult(url, r.status(), e == null ? null : e.name(), broken);
    }
}
