package org.egovmonitor.alerts;

import java.time.LocalDate;

/** Where the jobs hand over to alerts: after a score snapshot, after a probe run, and the delivery run. */
public interface AlertHooks {

    /** Announces the vetoes and warnings of {@code day} that its previous stored day did not have. */
    String afterSnapshot(LocalDate day);

    /** Announces the monitored homepages that were up at their previous probe and fail the latest. */
    String afterProbes();

    /** Sends what is due: new messages, held ones after quiet hours, digests, retries. */
    String deliverDue();

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
