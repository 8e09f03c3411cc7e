package org.egovmonitor.jobs;

import java.time.Instant;

/**
 * A crawl round that is running: one unit's ({@code unitCode}, {@code unitName}) or the whole city's (both null),
 * with its items measured ({@code done}) or failed for good so far.
 */
public record RunningRound(long roundId, long runId, String unitCode, String unitName, int total, int done,
                           int failed, Instant startedAt) {

    public boolean cityWide() {
        return unitCode == null;
    }
}
