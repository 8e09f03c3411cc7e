package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * How the units of each peer group fared on one indicator on a snapshot day (GET
 * /api/indicators/{id}/distribution): bucket (FULL, PARTIAL, ZERO, VETOED, NO_DATA, NOT_APPLICABLE) → units.
 */
public record IndicatorDistribution(LocalDate day, String indicator, String name,
                                    Map<PeerGroup, Map<String, Integer>> byGroup) {
}
