package org.egovmonitor.observations;

import java.time.Instant;

/**
 * A site's homepage probes over a window: {@code failureShare} is failures / probes (null without probes), the
 * number the availability rule compares with its veto, warning and deduction lines. For the office's table it also
 * carries the site's and unit's names, the newest probe, the newest failure with its error kind (a
 * {@code FetchErrorKind} name; null when that failure had none, e.g. an HTTP error status) and the average
 * response time of the successful probes.
 */
public record SiteAvailability(long siteId, String url, String unitCode, int probes, int failures,
                               Double failureShare, String siteName, String unitName, Instant lastProbeAt,
                               Instant lastFailureAt, String lastErrorKind, Integer lastFailureStatus,
                               Long avgResponseMs) {
}
