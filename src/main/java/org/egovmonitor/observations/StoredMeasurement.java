package org.egovmonitor.observations;

import java.time.Instant;
import org.egovmonitor.crawler.measure.SiteMeasurement;

/** A measurement as stored: its row id, the task that produced it, the site and when it was taken. */
public record StoredMeasurement(long id, String taskKey, long siteId, Instant measuredAt,
                                SiteMeasurement measurement) {
}
