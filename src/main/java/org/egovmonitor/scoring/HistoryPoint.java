package org.egovmonitor.scoring;

import java.time.LocalDate;

/** A unit's score on one snapshot day (GET /api/units/{code}/history). */
public record HistoryPoint(LocalDate day, double total, Grade grade, Integer rank, Integer rankChange,
                           boolean vetoed, String bottleneck, double bottleneckShortfall) {
}
