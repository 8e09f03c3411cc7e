package org.egovmonitor.registry;

/** A unit's connection to the e-government exchange network (电子政务信息交换网). */
public enum NodeStatus {
    CONNECTED,
    PLANNED,
    NOT_CONNECTED
}
