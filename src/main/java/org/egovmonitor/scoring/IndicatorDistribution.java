package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * How the units of each peer group fared on one indicator on a snapshot day (GET
 * /api/indicators/{id}/distribution): bucket (FULL, PARTIAL, ZERO, VETOED, NO_SITE, NO_DATA, NOT_APPLICABLE) → units.
 * NO_SITE (未建网站) counts units without any monitored site scored zero by the no-site policy, apart from ZERO.
 */
public record IndicatorDistribution(LocalDate day, String indicator, String name,
                                    Map<PeerGroup, Map<String, Integer>> byGroup) {
}
