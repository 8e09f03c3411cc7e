package org.egovmonitor.jobs;

public enum JobRunStatus {
    RUNNING("运行中"),
    SUCCEEDED("已成功"),
    FAILED("已失败");

    private final String label;

    JobRunStatus(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
