package org.egovmonitor.alerts;

import java.time.Instant;

/** A unit whose alerts the office switched off. */
public record OptOut(String unitCode, String unitName, String byUser, Instant since) {
}
