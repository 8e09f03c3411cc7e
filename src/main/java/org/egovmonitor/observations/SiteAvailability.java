package org.egovmonitor.observations;

/**
 * A site's homepage probes over a window: {@code failureShare} is failures / probes (null without probes), the
 * number the availability rule compares with its veto, warning and deduction lines.
 */
public record SiteAvailability(long siteId, String url, String unitCode, int probes, int failures,
                               Double failureShare) {
}
