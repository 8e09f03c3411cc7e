package org.egovmonitor.rectification;

import java.time.Instant;
import org.egovmonitor.scoring.FindingKind;

/**
 * A finding the office dismissed as a false positive (误报): which one (as {@code FindingKey} names it), the finding's
 * message when it was dismissed, why, who and when. Kept for good; the finding is left out of the unit's score from
 * the day of the dismissal on.
 */
public record FindingDismissal(long id, String unitCode, String indicator, FindingKind findingKind, String siteUrl,
                               String evidenceUrl, String message, String reason, String dismissedBy,
                               Instant dismissedAt) {
}
