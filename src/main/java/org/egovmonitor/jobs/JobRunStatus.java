package org.egovmonitor.jobs;

public enum JobRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
