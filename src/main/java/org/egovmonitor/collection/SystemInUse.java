package org.egovmonitor.collection;

/** The fixed vocabulary of applications and databases a unit may declare (网络应用 / 专业数据库). */
public enum SystemInUse {
    OA("办公自动化系统"),
    FINANCE_VERTICAL("财政纵向网"),
    PLANNING_VERTICAL("计委纵向网"),
    PROVINCIAL_VERTICAL("其他省级纵向网"),
    VIDEO_CONFERENCE("视频会议系统"),
    DOCUMENT_DB("公文数据库"),
    GOV_INFO_DB("政务信息数据库"),
    PROJECT_DB("项目数据库");

    private final String label;

    SystemInUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
