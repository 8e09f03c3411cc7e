package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;

/** The answer of a what-if: every unit ranked under both rule sets, and the what-if city bottlenecks. */
public record WhatIfResult(LocalDate day, boolean saved, List<WhatIfRow> rankings, List<CityBottleneck> bottlenecks) {
}
