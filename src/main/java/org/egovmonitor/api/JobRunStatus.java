package org.egovmonitor.api;

public enum JobRunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
