package org.egovmonitor.registry;

import java.time.LocalDate;

/** A network node as written by a client or a registry file. */
public record NodeRequest(String unitCode, NodeStatus status, Integer phase, LocalDate connectedOn,
                          Integer bandwidthMbps, Integer terminals, String probeHost, Integer probePort) {
}
