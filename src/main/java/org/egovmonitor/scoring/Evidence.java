package org.egovmonitor.scoring;

import java.time.LocalDate;

/**
 * What a finding rests on: the page (or probe target), the date seen there, the HTTP status and the error kind; for
 * an inspection check's problem also the offending text on the page ({@code excerpt}); and the snapshot of the page
 * as the crawler fetched it ({@code snapshot}: the SHA-256 of its bytes, kept by the evidence snapshot store).
 * Any part may be null when it does not apply (a missing section has no page of its own).
 */
public record Evidence(String url, LocalDate date, Integer httpStatus, String errorKind, String excerpt,
                       String snapshot) {

    public Evidence(String url, LocalDate date, Integer httpStatus, String errorKind) {
        this(url, date, httpStatus, errorKind, null, null);
    }

    /** This evidence with the snapshot of its page. */
    public Evidence withSnapshot(String sha256) {
        return new Evidence(url, date, httpStatus, errorKind, excerpt, sha256);
    }

    public static Evidence of(String url) {
        return new Evidence(url, null, null, null);
    }

    public static final Evidence NONE = new Evidence(null, null, null, null);
}
