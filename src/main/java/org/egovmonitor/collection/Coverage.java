package org.egovmonitor.collection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.PeerGroup;

/** The values of network coverage (网络覆盖), as served by /api/coverage and read by scoring. */
public final class Coverage {

    private Coverage() {
    }

    /** Share of successful node probes in a window; {@code text} is "无数据" when there were none. */
    public record Availability(long probes, long up, Double share, String text) {

        public static final Availability NONE = new Availability(0, 0, null, "无数据");

        public static Availability of(long probes, long up) {
            if (probes == 0) {
                return NONE;
            }
            double share = (double) up / probes;
            return new Availability(probes, up, share, String.format("%.1f%%", share * 100));
        }

        public static Availability of(ProbeCount count) {
            return count == null ? NONE : of(count.probes(), count.up());
        }

        public Availability plus(Availability other) {
            return of(probes + other.probes, up + other.up);
        }
    }

    public record PhaseCounts(int connected, int planned) {
    }

    /**
     * Counts over a set of units. Units without a node row count as NOT_CONNECTED. Terminals and bandwidth are
     * summed over connected nodes; availability over the probes of the set's nodes.
     */
    public record Counts(int units, int connected, int planned, int notConnected, Map<String, PhaseCounts> byPhase,
                         int terminals, int bandwidthMbps, Availability availability7d,
                         Availability availability30d) {
    }

    public record UnitCoverage(String code, String name, PeerGroup peerGroup, String county, NodeStatus status,
                               Integer phase, LocalDate connectedOn, Integer terminals, Integer bandwidthMbps,
                               Availability availability7d, Availability availability30d) {
    }

    public record GroupCoverage(PeerGroup group, String label, Counts counts) {
    }

    /** A county (县/区/开发区/风景区): its own unit and every unit whose parent chain leads to it. */
    public record CountyCoverage(String code, String name, Counts counts) {
    }

    public record Report(LocalDate asOf, Counts total, List<GroupCoverage> byGroup, List<CountyCoverage> byCounty) {
    }

    /** One recorded status change (node_status_changes). */
    public record StatusChange(long id, String unitCode, NodeStatus status, Integer phase, LocalDate effectiveOn) {
    }

    /** A dated event of the history, with the unit's name for display. */
    public record Event(LocalDate date, String unitCode, String unitName, NodeStatus status, Integer phase) {
    }

    /** The network at the end of a month. */
    public record Month(YearMonth month, int connected, int planned, int notConnected, List<String> newlyConnected,
                        List<String> disconnected) {
    }

    public record History(int units, List<Month> months, List<Event> events) {
    }

    /** Probe counts of one node in one window. */
    public record ProbeCount(String unitCode, long probes, long up) {
    }
}
