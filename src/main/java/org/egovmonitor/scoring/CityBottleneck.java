package org.egovmonitor.scoring;

import org.egovmonitor.registry.PeerGroup;

/**
 * An indicator's shortfall summed over a peer group's units: the city's bottleneck is the largest.
 *
 * @param totalShortfall points lost on this indicator by all units of the group
 * @param unitsAffected  units that lost any points on it
 * @param units          units of the group that were scored
 */
public record CityBottleneck(PeerGroup peerGroup, String indicator, String name, String group,
                             double totalShortfall, int unitsAffected, int units) {
}
