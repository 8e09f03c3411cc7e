package org.egovmonitor.retention;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code retention:} block of config.yml. Its schedule is {@code scheduler.retentionCron}, with the other
 * schedules.
 */
public class RetentionSettings {

    /** Raw measurement rows (list entries, fetch records, link checks) of the last this many days are kept. */
    @Min(1)
    @Max(36_500)
    private int rawDays = 90;

    /** Rows deleted at most per statement; a transaction rolls up about as many rows' worth of site-days. */
    @Min(100)
    @Max(100_000)
    private int batchRows = 5_000;

    /**
     * Evidence snapshots (网页快照) not seen by any crawl for this many days are deleted, unless they are the evidence
     * of a rectification task that is not closed.
     */
    @Min(1)
    @Max(36_500)
    private int snapshotDays = 400;

    @JsonProperty
    public int getSnapshotDays() {
        return snapshotDays;
    }

    @JsonProperty
    public void setSnapshotDays(int snapshotDays) {
        this.snapshotDays = snapshotDays;
    }

    @JsonProperty
    public int getRawDays() {
        return rawDays;
    }

    @JsonProperty
    public void setRawDays(int rawDays) {
        this.rawDays = rawDays;
    }

    @JsonProperty
    public int getBatchRows() {
        return batchRows;
    }

    @JsonProperty
    public void setBatchRows(int batchRows) {
        this.batchRows = batchRows;
    }
}
