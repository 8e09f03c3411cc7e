package org.egovmonitor.alerts;

/** What an alert announces. */
public enum AlertKind {
    NEW_VETO("新增单项否决"),
    NEW_WARNING("新增预警"),
    SITE_DOWN("网站无法访问"),
    OVERDUE_TASK("整改任务逾期"),
    TEST("测试消息");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
