package org.egovmonitor.crawler.inspect;

import org.egovmonitor.crawler.fetch.NetworkProbes;

/**
 * GETs for checks: through the site's fetches, so every page is recorded as evidence (purpose CHECK), guarded and
 * polite like any other, and counted against {@code maxCheckPagesPerSite}. When the budget is spent, {@code get}
 * returns null and the check says what it could not look at.
 */
public interface CheckPages {

    /** GETs {@code url}; null when the check budget of the site is spent. */
    CheckPage get(String url);

    /** Pages the checks may still GET on this site. */
    int left();

    /**
     * Probes of the site's host below HTTP (TLS handshake, IPv6 connect) through the same guarded fetcher; null when
     * the fetcher has none (then the https and ipv6 checks say they could not judge).
     */
    default NetworkProbes probes() {
        return null;
    }
}
