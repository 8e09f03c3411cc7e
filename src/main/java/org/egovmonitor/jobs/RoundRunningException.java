package org.egovmonitor.jobs;

import java.util.List;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;

/** A crawl round was asked for while another one is running: one round at a time across the cluster (409). */
public class RoundRunningException extends ConflictException {

    private final long roundId;

    public RoundRunningException(long roundId) {
        super("已有一轮抓取正在进行（第 " + roundId + " 轮），请等它结束后再启动", List.of(FieldError.of("roundId",
                Long.toString(roundId))));
        this.roundId = roundId;
    }

    public long roundId() {
        return roundId;
    }
}
