package org.egovmonitor.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Network coverage: current (by peer group and county, with node availability) and month by month. */
public class CoverageService {

    private final Jdbi jdbi;
    private final Clock clock;

    public CoverageService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Coverage.Report current() {
        return jdbi.inTransaction(h -> {
            List<Unit> units = h.attach(UnitDao.class).findAll();
            return CoverageCalculator.report(LocalDate.now(clock), units, unitRows(h, units));
        });
    }

    /** Each unit's node status, phase and node availability: what scoring reads per unit. */
    public List<Coverage.UnitCoverage> units(PeerGroup group) {
        return jdbi.inTransaction(h -> {
            List<Unit> units = h.attach(UnitDao.class).findAll();
            return unitRows(h, units).stream().filter(r -> group == null || r.peerGroup() == group).toList();
        });
    }

    /**
     * Month-end coverage from {@code from} (default: the month of the first recorded change) to {@code to}
     * (default: this month), optionally for one peer group.
     */
    public Coverage.History history(YearMonth from, YearMonth to, PeerGroup group) {
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth end = to == null ? thisMonth : to;
        if (from != null && from.isAfter(end)) {
            throw new ValidationException(List.of(FieldError.of("from", Messages.get("error.coverage.fromAfterTo"))));
        }
        return jdbi.inTransaction(h -> {
            List<Unit> units = h.attach(UnitDao.class).findAll().stream()
                    .filter(u -> group == null || u.peerGroup() == group).toList();
            List<Coverage.StatusChange> changes = h.attach(CoverageDao.class).statusChanges();
            YearMonth start = from != null ? from : changes.stream().map(c -> YearMonth.from(c.effectiveOn()))
                    .min(YearMonth::compareTo).orElse(end);
            return CoverageCalculator.history(units, changes, start.isAfter(end) ? end : start, end);
        });
    }

    private List<Coverage.UnitCoverage> unitRows(Handle h, List<Unit> units) {
        Map<String, NetworkNode> nodes = new HashMap<>();
        h.attach(NetworkNodeDao.class).findAll().forEach(n -> nodes.put(n.unitCode(), n));
        Instant now = clock.instant();
        CoverageDao dao = h.attach(CoverageDao.class);
        return CoverageCalculator.units(units, nodes, byUnit(dao.probeCounts(now.minus(Duration.ofDays(7)))),
                byUnit(dao.probeCounts(now.minus(Duration.ofDays(30)))));
    }

    private static Map<String, Coverage.ProbeCount> byUnit(List<Coverage.ProbeCount> counts) {
        Map<String, Coverage.ProbeCount> m = new HashMap<>();
        counts.forEach(c -> m.put(c.unitCode(), c));
        return m;
    }
}
