package org.egovmonitor.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;

/**
 * Ranking and bottlenecks over a day's scores: pure functions.
 *
 * <p>Units are ranked only within their peer group. Order: units without a veto before vetoed ones (a veto is a
 * failure whatever the points), then by total, highest first. Equal (vetoed, total) share a rank and the next rank
 * skips (competition ranking 1, 1, 3). Units graded 未评定 get no rank and are listed last.
 */
public final class Rankings {

    private static final Comparator<UnitScore> ORDER = Comparator.comparing(UnitScore::vetoed)
            .thenComparing(Comparator.comparingDouble(UnitScore::total).reversed());

    private Rankings() {
    }

    /**
     * Ranks every peer group; {@code previousRanks} (unit code → rank in the previous snapshot) gives rank changes.
     * The result is ordered by peer group, rank, then unit code.
     */
    public static List<RankedScore> rank(List<UnitScore> scores, Map<String, Integer> previousRanks) {
        Map<PeerGroup, List<UnitScore>> byGroup = new EnumMap<>(PeerGroup.class);
        for (UnitScore s : scores) {
            byGroup.computeIfAbsent(s.peerGroup(), g -> new ArrayList<>()).add(s);
        }
        List<RankedScore> out = new ArrayList<>(scores.size());
        for (List<UnitScore> group : byGroup.values()) {
            List<UnitScore> rated = new ArrayList<>(group.stream().filter(s -> s.grade() != Grade.NOT_RATED).toList());
            rated.sort(ORDER.thenComparing(UnitScore::unitCode));
            int rank = 0;
            UnitScore previous = null;
            for (int i = 0; i < rated.size(); i++) {
                UnitScore s = rated.get(i);
                if (previous == null || ORDER.compare(previous, s) != 0) {
                    rank = i + 1;
                }
                previous = s;
                Integer before = previousRanks.get(s.unitCode());
                out.add(new RankedScore(s, rank, before == null ? null : before - rank));
            }
            group.stream().filter(s -> s.grade() == Grade.NOT_RATED)
                    .sorted(Comparator.comparing(UnitScore::unitCode))
                    .forEach(s -> out.add(new RankedScore(s, null, null)));
        }
        return out;
    }

    /**
     * Per peer group, every indicator's shortfall summed over the group's units, largest first (ties in catalogue
     * order). The first entry of a group is the city's bottleneck for it; indicators nobody lost points on are
     * left out. Points lost for lack of a site are summed under {@link NoSite#ID} (未建网站), not per indicator.
     */
    public static List<CityBottleneck> cityBottlenecks(List<UnitScore> scores, IndicatorCatalogue catalogue) {
        Map<PeerGroup, List<UnitScore>> byGroup = new EnumMap<>(PeerGroup.class);
        for (UnitScore s : scores) {
            byGroup.computeIfAbsent(s.peerGroup(), g -> new ArrayList<>()).add(s);
        }
        List<CityBottleneck> out = new ArrayList<>();
        byGroup.forEach((group, units) -> {
            Map<String, double[]> sums = new LinkedHashMap<>();
            Map<String, String[]> names = new LinkedHashMap<>();
            for (UnitScore unit : units) {
                for (IndicatorResult r : unit.indicators()) {
                    if (r.shortfall() > 0 && r.state() != IndicatorState.NO_SITE) {
                        double[] acc = sums.computeIfAbsent(r.id(), k -> new double[2]);
                        acc[0] += r.shortfall();
                        acc[1]++;
                        names.put(r.id(), new String[] {r.name(), r.group()});
                    }
                }
                // What a unit lost for lack of a site is one bottleneck (未建网站), counted once per unit.
                double noSite = NoSite.shortfall(unit.indicators());
                if (noSite > 0) {
                    double[] acc = sums.computeIfAbsent(NoSite.ID, k -> new double[2]);
                    acc[0] += noSite;
                    acc[1]++;
                    names.put(NoSite.ID, new String[] {NoSite.name(), NoSite.GROUP});
                }
            }
            sums.forEach((id, acc) -> out.add(new CityBottleneck(group, id, names.get(id)[0], names.get(id)[1],
                    ScoreCalculator.round(acc[0]), (int) acc[1], units.size())));
        });
        out.sort(bottleneckOrder(catalogue));
        return out;
    }

    /**
     * A peer group's stored city bottlenecks after one of its units was scored again: its old score's shortfalls
     * taken out, its new one's added, indicators nobody loses points on any more dropped; same order as
     * {@link #cityBottlenecks}.
     *
     * @param units the units of the group that day
     */
    public static List<CityBottleneck> adjustBottlenecks(List<CityBottleneck> stored, UnitScore old, UnitScore fresh,
                                                         int units, IndicatorCatalogue catalogue) {
        Map<String, CityBottleneck> byId = new LinkedHashMap<>();
        stored.forEach(b -> byId.put(b.indicator(), b));
        for (CityBottleneck b : cityBottlenecks(List.of(old), catalogue)) {
            byId.computeIfPresent(b.indicator(), (id, s) -> plus(s, -b.totalShortfall(), -1, units));
        }
        for (CityBottleneck b : cityBottlenecks(List.of(fresh), catalogue)) {
            CityBottleneck s = byId.get(b.indicator());
            byId.put(b.indicator(), s == null ? plus(b, 0, 0, units) : plus(s, b.totalShortfall(), 1, units));
        }
        List<CityBottleneck> out = new ArrayList<>(byId.values().stream()
                .filter(b -> b.unitsAffected() > 0 && b.totalShortfall() > 0).toList());
        out.sort(bottleneckOrder(catalogue));
        return out;
    }

    private static CityBottleneck plus(CityBottleneck b, double shortfall, int affected, int units) {
        return new CityBottleneck(b.peerGroup(), b.indicator(), b.name(), b.group(),
                ScoreCalculator.round(b.totalShortfall() + shortfall), b.unitsAffected() + affected, units);
    }

    /** Peer group, then largest shortfall, then catalogue order. */
    public static Comparator<CityBottleneck> bottleneckOrder(IndicatorCatalogue catalogue) {
        List<String> order = catalogue.indicators().stream().map(Indicator::id).toList();
        return Comparator.comparing(CityBottleneck::peerGroup)
                .thenComparing(Comparator.comparingDouble(CityBottleneck::totalShortfall).reversed())
                .thenComparing(b -> order.indexOf(b.indicator()));
    }
}
