package org.egovmonitor.scoring;

import java.time.LocalDate;

/** A unit's full score of one day with its place among its peers (GET /api/units/{code}/scorecard). */
public record Scorecard(LocalDate day, String catalogueVersion, Integer rank, Integer rankChange, int peers,
                        String gradeLabel, UnitScore score) {
}
