package org.egovmonitor.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Unit;

/** Network coverage from the registry, node probes and the status history. Pure: plain inputs, no I/O. */
public final class CoverageCalculator {

    /** The longest history served in one response (50 years of months). */
    static final int MAX_MONTHS = 600;

    private CoverageCalculator() {
    }

    public static List<Coverage.UnitCoverage> units(List<Unit> units, Map<String, NetworkNode> nodes,
                                                    Map<String, Coverage.ProbeCount> probes7d,
                                                    Map<String, Coverage.ProbeCount> probes30d) {
        Map<String, Unit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        List<Coverage.UnitCoverage> out = new ArrayList<>();
        for (Unit u : units) {
            NetworkNode n = nodes.get(u.code());
            out.add(new Coverage.UnitCoverage(u.code(), u.name(), u.peerGroup(), county(u, byCode),
                    n == null ? NodeStatus.NOT_CONNECTED : n.status(), n == null ? null : n.phase(),
                    n == null ? null : n.connectedOn(), n == null ? null : n.terminals(),
                    n == null ? null : n.bandwidthMbps(), Coverage.Availability.of(probes7d.get(u.code())),
                    Coverage.Availability.of(probes30d.get(u.code()))));
        }
        return out;
    }

    /** The county-level unit (peer group COUNTIES) the unit is, or whose descendant it is; null for the city. */
    static String county(Unit unit, Map<String, Unit> byCode) {
        Set<String> seen = new HashSet<>();
        Unit current = unit;
        while (current != null && seen.add(current.code())) {
            if (current.peerGroup() == PeerGroup.COUNTIES) {
                return current.code();
            }
            current = current.parentCode() == null ? null : byCode.get(current.parentCode());
        }
        return null;
    }

    public static Coverage.Counts counts(List<Coverage.UnitCoverage> rows) {
        int connected = 0;
        int planned = 0;
        int terminals = 0;
        int bandwidth = 0;
        Map<Integer, int[]> phases = new TreeMap<>();
        Coverage.Availability a7 = Coverage.Availability.NONE;
        Coverage.Availability a30 = Coverage.Availability.NONE;
        for (Coverage.UnitCoverage r : rows) {
            if (r.status() == NodeStatus.CONNECTED) {
                connected++;
                terminals += r.terminals() == null ? 0 : r.terminals();
                bandwidth += r.bandwidthMbps() == null ? 0 : r.bandwidthMbps();
            } else if (r.status() == NodeStatus.PLANNED) {
                planned++;
            }
            if (r.phase() != null && r.status() != NodeStatus.NOT_CONNECTED) {
                int[] c = phases.computeIfAbsent(r.phase(), p -> new int[2]);
                c[r.status() == NodeStatus.CONNECTED ? 0 : 1]++;
            }
            a7 = a7.plus(r.availability7d());
            a30 = a30.plus(r.availability30d());
        }
        Map<String, Coverage.PhaseCounts> byPhase = new LinkedHashMap<>();
        phases.forEach((p, c) -> byPhase.put(Integer.toString(p), new Coverage.PhaseCounts(c[0], c[1])));
        return new Coverage.Counts(rows.size(), connected, planned, rows.size() - connected - planned, byPhase,
                terminals, bandwidth, a7, a30);
    }

    public static Coverage.Report report(LocalDate asOf, List<Unit> units, List<Coverage.UnitCoverage> rows) {
        List<Coverage.GroupCoverage> groups = new ArrayList<>();
        for (PeerGroup g : PeerGroup.values()) {
            groups.add(new Coverage.GroupCoverage(g, g.label(),
                    counts(rows.stream().filter(r -> r.peerGroup() == g).toList())));
        }
        List<Coverage.CountyCoverage> counties = new ArrayList<>();
        for (Unit u : units) {
            if (u.peerGroup() == PeerGroup.COUNTIES) {
                counties.add(new Coverage.CountyCoverage(u.code(), u.name(),
                        counts(rows.stream().filter(r -> u.code().equals(r.county())).toList())));
            }
        }
        return new Coverage.Report(asOf, counts(rows), groups, counties);
    }

    /**
     * The network at the end of each month from {@code from} to {@code to}: a unit's status on a day is its latest
     * recorded change effective on or before that day (ties: the later recorded); none means NOT_CONNECTED.
     *
     * @param changes in effective order (date, then id)
     */
    public static Coverage.History history(List<Unit> units, List<Coverage.StatusChange> changes, YearMonth from,
                                           YearMonth to) {
        Set<String> known = new HashSet<>();
        Map<String, String> names = new HashMap<>();
        units.forEach(u -> {
            known.add(u.code());
            names.put(u.code(), u.name());
        });
        List<Coverage.StatusChange> relevant = changes.stream().filter(c -> known.contains(c.unitCode())).toList();
        List<Coverage.Event> events = relevant.stream().map(c -> new Coverage.Event(c.effectiveOn(), c.unitCode(),
                names.get(c.unitCode()), c.status(), c.phase())).toList();
        if (from.isAfter(to)) {
            return new Coverage.History(units.size(), List.of(), events);
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            from = to.minusMonths(MAX_MONTHS - 1);
        }
        Map<String, NodeStatus> state = new HashMap<>();
        int next = 0;
        while (next < relevant.size() && relevant.get(next).effectiveOn().isBefore(from.atDay(1))) {
            state.put(relevant.get(next).unitCode(), relevant.get(next).status());
            next++;
        }
        List<Coverage.Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<String, NodeStatus> before = new HashMap<>(state);
            LocalDate end = m.atEndOfMonth();
            while (next < relevant.size() && !relevant.get(next).effectiveOn().isAfter(end)) {
                state.put(relevant.get(next).unitCode(), relevant.get(next).status());
                next++;
            }
            int connected = 0;
            int planned = 0;
            List<String> newly = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, NodeStatus> e : state.entrySet()) {
                boolean was = before.get(e.getKey()) == NodeStatus.CONNECTED;
                if (e.getValue() == NodeStatus.CONNECTED) {
                    connected++;
                    if (!was) {
                        newly.add(e.getKey());
                    }
                } else {
                    if (e.getValue() == NodeStatus.PLANNED) {
                        planned++;
                    }
                    if (was) {
                        lost.add(e.getKey());
                    }
                }
            }
            newly.sort(null);
            lost.sort(null);
            months.add(new Coverage.Month(m, connected, planned, units.size() - connected - planned, newly, lost));
        }
        return new Coverage.History(units.size(), months, events);
    }
}
