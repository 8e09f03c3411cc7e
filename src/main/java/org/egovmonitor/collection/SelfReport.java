package org.egovmonitor.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.reviews.ReviewStatus;

/**
 * A stored self-report with its review. {@code current} is true for the unit's newest approved report, the one that
 * counts; older approved reports are kept and marked superseded by it.
 */
public record SelfReport(long id, String unitCode, LocalDate reportDate, boolean lanPresent, int computers,
                         int networkedComputers, int staff, boolean internetAccess, boolean oaInUse,
                         boolean egovConnected, List<SystemInUse> systems, List<String> otherSystems, String note,
                         ReviewStatus status, String submittedBy, Instant submittedAt, String reviewedBy,
                         Instant reviewedAt, String reviewComment, boolean current) {

    public SelfReport withCurrent(boolean isCurrent) {
        return new SelfReport(id, unitCode, reportDate, lanPresent, computers, networkedComputers, staff,
                internetAccess, oaInUse, egovConnected, systems, otherSystems, note, status, submittedBy, submittedAt,
                reviewedBy, reviewedAt, reviewComment, isCurrent);
    }
}
