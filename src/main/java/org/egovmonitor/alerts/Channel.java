package org.egovmonitor.alerts;

/** How a message travels: e-mail over SMTP, or a webhook in one of the robot formats. */
public enum Channel {
    EMAIL("电子邮件"),
    WECOM("企业微信机器人"),
    DINGTALK("钉钉机器人"),
    JSON("JSON 回调");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
