package org.egovmonitor.rectification;

import java.time.Instant;

/** One step of a task or an appeal, in the order it happened. {@code id} is null for the computed overdue step. */
public record TimelineStep(Long id, Long taskId, Long appealId, String unitCode, StepKind kind, String actor,
                           String note, Instant at) {
}
