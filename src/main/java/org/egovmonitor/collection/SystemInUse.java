package org.egovmonitor.collection;

import org.egovmonitor.platform.Messages;

/** The fixed vocabulary of applications and databases a unit may declare (网络应用 / 专业数据库). */
public enum SystemInUse {
    OA,
    FINANCE_VERTICAL,
    PLANNING_VERTICAL,
    PROVINCIAL_VERTICAL,
    VIDEO_CONFERENCE,
    DOCUMENT_DB,
    GOV_INFO_DB,
    PROJECT_DB;

    public String label() {
        return Messages.label(this);
    }
}
