package org.egovmonitor.rectification;

import java.time.Instant;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.scoring.FindingKey;
import org.egovmonitor.scoring.FindingKind;

/** A department's 申诉 against one finding of its unit, and the office's decision. */
public record FindingAppeal(long id, String unitCode, String unitName, Long taskId, String indicator,
                            FindingKind findingKind, String siteUrl, String evidenceUrl, String message,
                            String reason, ReviewStatus status, String submittedBy, Instant submittedAt,
                            String reviewedBy, Instant reviewedAt, String reviewComment) {

    public FindingKey key() {
        return new FindingKey(indicator, findingKind, siteUrl, evidenceUrl);
    }
}
