package org.egovmonitor.collection;

import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * The city's LAN / OA picture from approved self-reports: each unit's current report (null when it has none) and
 * distributions for the leader charts. Every distribution counts every unit once, "未上报" included, so the bars of a
 * chart always add up to the number of units.
 */
public record LanStatus(int units, int reported, Map<String, Integer> lan, Map<String, Integer> computersPerStaff,
                        Map<String, Integer> oa, Map<String, Integer> internet, Map<String, Integer> systems,
                        List<UnitLan> byUnit) {

    /** One unit's row; {@code report} is its current approved report or null. */
    public record UnitLan(String code, String name, PeerGroup peerGroup, SelfReport report,
                          Double computersPerStaff) {
    }
}
