package org.egovmonitor.scoring;

import java.time.LocalDate;

/**
 * What a finding rests on: the page (or probe target), the date seen there, the HTTP status and the error kind.
 * Any part may be null when it does not apply (a missing section has no page of its own).
 */
public record Evidence(String url, LocalDate date, Integer httpStatus, String errorKind) {

    public static Evidence of(String url) {
        return new Evidence(url, null, null, null);
    }

    public static final Evidence NONE = new Evidence(null, null, null, null);
}
