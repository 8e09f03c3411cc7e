package org.egovmonitor.alerts;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.egovmonitor.platform.Failures;
import org.slf4j.LoggerFactory;

/** Where the jobs hand over to alerts: after a score snapshot, after a probe run, and the delivery run. */
public interface AlertHooks {

    /** Announces the vetoes and warnings of {@code day} that its previous stored day did not have. */
    String afterSnapshot(LocalDate day);

    /** Announces the monitored homepages that were up at their previous probe and fail the latest. */
    String afterProbes();

    /** Sends what is due: new messages, held ones after quiet hours, digests, retries. */
    String deliverDue();

    /**
     * Runs a hook after a job's own work is done: a failure is logged and reported in the run's summary, never
     * thrown, so the snapshot or probe run it follows still counts as done.
     */
    static String reportingFailure(Supplier<String> hook) {
        try {
            return hook.get();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AlertHooks.class).error("alert check failed", e);
            return "告警检查失败：" + Failures.describe(e);
        }
    }

    /** A node without alerts (commands, tests of other features). */
    AlertHooks NONE = new AlertHooks() {
        @Override
        public String afterSnapshot(LocalDate day) {
            return "";
        }

        @Override
        public String afterProbes() {
            return "";
        }

        @Override
        public String deliverDue() {
            return "未配置告警（该节点不发送）";
        }
    };
}
