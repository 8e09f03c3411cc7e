package org.egovmonitor.jobs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A run with every failure it recorded. */
public record JobRunDetail(@JsonUnwrapped JobRun run, List<JobRunFailure> failures) {
}
