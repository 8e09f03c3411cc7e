package org.egovmonitor.alerts;

/** Per recipient: every alert as it happens (outside quiet hours), or one digest a day at the set time. */
public enum DeliveryMode {
    IMMEDIATE("即时"),
    DIGEST("每日汇总");

    private final String label;

    DeliveryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
