package org.egovmonitor.alerts;

import org.egovmonitor.platform.Messages;

/** How a message travels: e-mail over SMTP, or a webhook in one of the robot formats. */
public enum Channel {
    EMAIL,
    WECOM,
    DINGTALK,
    JSON;

    public String label() {
        return Messages.label(this);
    }
}
