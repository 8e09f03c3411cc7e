package org.egovmonitor.registry;

/** A unit's connection to the e-government exchange network (电子政务信息交换网). */
public enum NodeStatus {
    CONNECTED("已接入"),
    PLANNED("规划中"),
    NOT_CONNECTED("未接入");

    private final String label;

    NodeStatus(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
