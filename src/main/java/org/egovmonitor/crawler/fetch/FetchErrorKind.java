package org.egovmonitor.crawler.fetch;

import org.egovmonitor.platform.Messages;

/**
 * Why a fetch did not yield a whole, usable response. Stable names: they are stored with observations and shown
 * to users by their Chinese {@link #label()}, so add new kinds rather than renaming.
 */
public enum FetchErrorKind {
    INVALID_URL,
    /** Host name did not resolve. */
    DNS_FAILURE,
    /** Target (or a redirect target) resolves to a private/loopback/link-local address that is not allow-listed. */
    BLOCKED_ADDRESS,
    CONNECT_REFUSED,
    CONNECT_TIMEOUT,
    /** No bytes for longer than the read timeout. */
    READ_TIMEOUT,
    /** The wall-clock deadline for the whole fetch (connect, headers and body) ran out, e.g. a dripping server. */
    DEADLINE_EXCEEDED,
    CONNECTION_RESET,
    /** Body larger than the size cap (counted after decompression). */
    TOO_LARGE,
    /** Compressed body expanding beyond the decompression guard's ratio or size. */
    DECOMPRESSION_BOMB,
    TOO_MANY_REDIRECTS,
    REDIRECT_LOOP,
    ROBOTS_DISALLOWED,
    /** HTTP status >= 400 (the status itself is in the result). */
    HTTP_ERROR,
    /** A page fetch got something that is not HTML (binary, image, PDF ...). */
    NOT_HTML,
    TLS_ERROR,
    /** Malformed HTTP, bad chunking, etc. */
    PROTOCOL_ERROR,
    IO_ERROR,
    /**
     * The fetch waited longer than {@code maxQueueWaitMs} for its host's politeness turn (or a global slot) and was
     * never sent: a fact about our queue, not about the site.
     */
    QUEUE_TIMEOUT,
    /**
     * The homepage leads away from the site (a meta refresh, script redirect, frame or splash link to another
     * registered domain). Not produced by the fetcher: the measurement records it as a finding and measures the page
     * it has instead of another site.
     */
    EXTERNAL_REDIRECT;

    /** What users read (Chinese), e.g. 连接超时. */
    public String label() {
        return Messages.label(this);
    }

    /** The label of a stored kind name, the name itself when it is unknown (stored by a newer version). */
    public static String labelOf(String name) {
        if (name == null) {
            return null;
        }
        for (FetchErrorKind k : values()) {
            if (k.name().equals(name)) {
                return k.label();
            }
        }
        return name;
    }
}
