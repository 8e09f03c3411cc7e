package org.egovmonitor.bulletins;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A kept report as listed (its files are downloaded separately).
 *
 * @param snapshotDay the score snapshot it was built from; previousDay the one it was compared with (null: none)
 * @param generatedBy SCHEDULED, or the username that generated or regenerated it
 */
public record BulletinInfo(long id, BulletinKind kind, LocalDate periodFrom, LocalDate periodTo,
                           LocalDate snapshotDay, LocalDate previousDay, Instant generatedAt, String generatedBy,
                           int docxBytes, int pdfBytes) {

    ReportPeriod period() {
        return new ReportPeriod(kind, periodFrom, periodTo);
    }
}
