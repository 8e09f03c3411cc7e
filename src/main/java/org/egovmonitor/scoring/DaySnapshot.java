package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;

/** A whole day's scoring: every unit ranked, and the city's bottlenecks per peer group. */
public record DaySnapshot(LocalDate day, String catalogueVersion, String catalogueHash, List<RankedScore> units,
                          List<CityBottleneck> bottlenecks) {
}
