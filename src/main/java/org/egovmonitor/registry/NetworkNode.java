package org.egovmonitor.registry;

import java.time.LocalDate;

/** A unit's connection point on the e-government exchange network (节点). */
public record NetworkNode(String unitCode, NodeStatus status, Integer phase, LocalDate connectedOn,
                          Integer bandwidthMbps, Integer terminals, String probeHost, Integer probePort) {
}
