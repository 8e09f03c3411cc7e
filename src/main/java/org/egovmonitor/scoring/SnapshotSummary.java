package org.egovmonitor.scoring;

import java.time.LocalDate;

/** What a snapshot run wrote (POST /api/scoring/snapshot). */
public record SnapshotSummary(LocalDate day, String catalogueVersion, int units, int vetoed, int notRated,
                             long millis) {
}
