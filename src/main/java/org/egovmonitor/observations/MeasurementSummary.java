package org.egovmonitor.observations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One stored measurement in a site's history: the headline facts, without sections, items and fetches. */
public record MeasurementSummary(long id, String taskKey, Instant measuredAt, LocalDate measuredOn, boolean reachable,
                                 int status, String errorKind, long responseMs, LocalDate homepageNewestDate,
                                 int homepageDatedItems, boolean homepageNavOnly, List<String> missingFamilies,
                                 int pagesFetched, String contentHash) {
}
