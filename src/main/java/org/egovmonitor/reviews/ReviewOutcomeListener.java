package org.egovmonitor.reviews;

import org.slf4j.LoggerFactory;

/**
 * Told when an approved decision changed what a unit is scored on (a self-report, a liaison change), after the
 * decision is committed. Scoring sits above the packages that decide, so it is handed in as this callback when the
 * application is wired, and re-scores the unit at once.
 */
@FunctionalInterface
public interface ReviewOutcomeListener {

    /** Listens to nothing: what a service uses until one is wired. */
    ReviewOutcomeListener NONE = unitCode -> { };

    void approved(String unitCode);

    /**
     * Tells {@code listener} of an approval once it is committed. The decision stands whatever the follow-up does:
     * a failure is logged (the next daily snapshot scores the unit anyway), not turned into a failed approval.
     */
    static void afterCommit(ReviewOutcomeListener listener, ReviewStatus outcome, String unitCode) {
        if (outcome != ReviewStatus.APPROVED) {
            return;
        }
        try {
            listener.approved(unitCode);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ReviewOutcomeListener.class).warn("follow-up of an approval for {} failed",
                    unitCode, e);
        }
    }
}
