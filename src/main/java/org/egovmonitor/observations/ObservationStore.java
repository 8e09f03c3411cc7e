package org.egovmonitor.observations;

import java.time.Instant;
import org.egovmonitor.crawler.measure.SiteMeasurement;

/**
 * The append-only store of what crawls saw (fetches, sections, items, link checks). A measurement is saved under
 * the key of the task that produced it, so that a retried or re-run task never stores it twice.
 */
public interface ObservationStore {

    /**
     * Saves {@code measurement} of site {@code siteId} as the result of task {@code taskKey} (e.g.
     * {@code crawl-item:42}).
     *
     * @return true when stored; false when a measurement for this task key already exists (nothing is written)
     */
    boolean save(String taskKey, long siteId, SiteMeasurement measurement, Instant measuredAt);
}
