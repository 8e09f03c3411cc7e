package org.egovmonitor.api;

import java.time.Instant;
import java.time.LocalDate;

/** A stored liaison change request and its review. */
public record LiaisonChange(long id, String unitCode, String name, String phone, String email, LocalDate since,
                            String reason, ReviewStatus status, String submittedBy, Instant submittedAt,
                            String reviewedBy, Instant reviewedAt, String reviewComment) {
}
