package org.egovmonitor.jobs;

import java.time.Instant;

/** Something a run could not do: {@code subject} names it (a site URL, a node endpoint). */
public record JobRunFailure(String subject, String reason, Instant at) {
}
