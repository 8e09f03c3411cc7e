package org.egovmonitor.rectification;

import java.time.Instant;
import java.time.LocalDate;
import org.egovmonitor.scoring.FindingKey;
import org.egovmonitor.scoring.FindingKind;

/**
 * A 整改 task: one finding of a unit's snapshot, its evidence as it stood when issued (or at the last re-check that
 * sent it back), the deadline, the department's reply and the re-check in progress.
 *
 * @param overdue        past its deadline and not closed (computed when read)
 * @param recheckRoundId the crawl round of the latest re-check (its run is {@code recheckRunId})
 * @param recheckTotal   sites of that round; {@code recheckDone} of them measured or failed
 */
public record RectificationTask(long id, String unitCode, String unitName, String indicator, String indicatorName,
                                FindingKind findingKind, String siteUrl, String evidenceUrl, LocalDate evidenceDate,
                                Integer httpStatus, String errorKind, String observed, String threshold,
                                String message, String hint, LocalDate snapshotDay, LocalDate deadline, String note,
                                TaskStatus status, String issuedBy, Instant issuedAt, String reply,
                                Instant repliedAt, Long recheckRoundId, Long recheckRunId, Integer recheckTotal,
                                Integer recheckDone, Instant closedAt, boolean overdue) {

    public FindingKey key() {
        return new FindingKey(indicator, findingKind, siteUrl, evidenceUrl);
    }
}
