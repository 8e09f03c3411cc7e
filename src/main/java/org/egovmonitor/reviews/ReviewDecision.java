package org.egovmonitor.reviews;

/**
 * The office's decision on a submission. {@code comment} is required when rejecting. {@code reviewedBy} is only
 * used while there is no login: once a user is authenticated, the service records the principal instead.
 */
public record ReviewDecision(String comment, String reviewedBy) {
}
