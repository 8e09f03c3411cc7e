package org.egovmonitor.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.egovmonitor.reviews.ReviewStatus;

/** A stored liaison change request and its review. */
public record LiaisonChange(long id, String unitCode, String name, String phone, String email, LocalDate since,
                            String reason, ReviewStatus status, String submittedBy, Instant submittedAt,
                            String reviewedBy, Instant reviewedAt, String reviewComment) {
}
