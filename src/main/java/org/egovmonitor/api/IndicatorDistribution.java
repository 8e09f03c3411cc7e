package org.egovmonitor.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * How the units of each peer group fared on one indicator on a snapshot day (GET
 * /api/indicators/{id}/distribution): bucket (FULL, PARTIAL, ZERO, VETOED, NO_DATA, NOT_APPLICABLE) → units.
 */
public record IndicatorDistribution(LocalDate day, String indicator, String name,
                                    Map<PeerGroup, Map<String, Integer>> byGroup) {
}
