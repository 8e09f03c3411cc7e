package org.egovmonitor.bulletins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.collection.Coverage;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.scoring.CityBottleneck;
import org.egovmonitor.scoring.DaySnapshot;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.Grade;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.RankedScore;
import org.egovmonitor.scoring.UnitScore;

/**
 * Builds a {@link Bulletin} from two stored snapshots (the period's last day and the previous period's last day):
 * a pure function, so the 环比 arithmetic is tested on plain inputs.
 */
public final class BulletinBuilder {

    /** How many units the "improved most" section names. */
    static final int IMPROVED = 10;

    private BulletinBuilder() {
    }

    /** The inputs besides the snapshots: read by the service at generation time. */
    public record Context(Instant generatedAt, int sites, Coverage.Counts coverage, List<OpenTasks.Row> tasks,
                          List<PeriodTasks.Row> periodTasks) {
    }

    public static Bulletin build(ReportPeriod period, DaySnapshot current, DaySnapshot previous,
                                 IndicatorCatalogue catalogue, Context context) {
        Map<String, RankedScore> before = new HashMap<>();
        if (previous != null) {
            previous.units().forEach(r -> before.put(r.score().unitCode(), r));
        }
        Map<PeerGroup, List<Bulletin.RankingLine>> byGroup = new EnumMap<>(PeerGroup.class);
        List<Bulletin.RankingLine> all = new ArrayList<>();
        for (RankedScore r : current.units()) {
            Bulletin.RankingLine line = line(r, before.get(r.score().unitCode()));
            byGroup.computeIfAbsent(r.score().peerGroup(), g -> new ArrayList<>()).add(line);
            all.add(line);
        }
        List<Bulletin.GroupRanking> rankings = new ArrayList<>();
        byGroup.forEach((group, lines) -> {
            lines.sort(Comparator.comparing((Bulletin.RankingLine l) -> l.rank() == null ? Integer.MAX_VALUE
                    : l.rank()).thenComparing(Bulletin.RankingLine::unitCode));
            rankings.add(new Bulletin.GroupRanking(group, List.copyOf(lines)));
        });
        List<Bulletin.RankingLine> improved = all.stream()
                .filter(l -> l.scoreChange() != null && l.scoreChange() > 0)
                .sorted(Comparator.comparing(Bulletin.RankingLine::scoreChange).reversed()
                        .thenComparing(Bulletin.RankingLine::unitCode))
                .limit(IMPROVED).toList();
        return new Bulletin(period, current.day(), previous == null ? null : previous.day(),
                current.catalogueVersion(), context.generatedAt(), overview(current, context.sites()),
                context.coverage(), List.copyOf(rankings), vetoes(current, catalogue), worstPerGroup(current),
                improved, List.copyOf(context.tasks()), List.copyOf(context.periodTasks()));
    }

    static Bulletin.RankingLine line(RankedScore now, RankedScore before) {
        UnitScore s = now.score();
        Integer previousRank = before == null ? null : before.rank();
        Integer rankChange = previousRank == null || now.rank() == null ? null : previousRank - now.rank();
        Double previousTotal = before == null || before.score().grade() == Grade.NOT_RATED ? null
                : before.score().total();
        Double scoreChange = previousTotal == null || s.grade() == Grade.NOT_RATED ? null
                : Math.round((s.total() - previousTotal) * 100) / 100.0;
        return new Bulletin.RankingLine(now.rank(), s.unitCode(), s.unitName(), s.peerGroup(), s.total(), s.grade(),
                s.vetoed(), previousRank, rankChange, previousTotal, scoreChange);
    }

    private static Bulletin.Overview overview(DaySnapshot day, int sites) {
        Map<Grade, Integer> grades = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g, 0);
        }
        int rated = 0;
        int vetoed = 0;
        for (RankedScore r : day.units()) {
            grades.merge(r.score().grade(), 1, Integer::sum);
            rated += r.rank() == null ? 0 : 1;
            vetoed += r.score().vetoed() ? 1 : 0;
        }
        return new Bulletin.Overview(day.units().size(), sites, rated, vetoed, grades);
    }

    private static List<Bulletin.VetoLine> vetoes(DaySnapshot day, IndicatorCatalogue catalogue) {
        List<Bulletin.VetoLine> lines = new ArrayList<>();
        for (RankedScore r : day.units()) {
            for (Finding f : r.score().vetoes()) {
                lines.add(vetoLine(r.score(), f, catalogue));
            }
        }
        return lines;
    }

    static Bulletin.VetoLine vetoLine(UnitScore unit, Finding f, IndicatorCatalogue catalogue) {
        Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
        String url = e.url() != null ? e.url() : f.siteUrl();
        String indicator = catalogue.indicator(f.indicator()).map(i -> i.name()).orElse(f.indicator());
        return new Bulletin.VetoLine(unit.unitCode(), unit.unitName(), indicator, f.message(), url, e.date(),
                e.httpStatus(), f.hint());
    }

    /** The snapshot's bottlenecks are sorted worst first within each group: the first of each group is its worst. */
    private static List<CityBottleneck> worstPerGroup(DaySnapshot day) {
        Map<PeerGroup, CityBottleneck> worst = new EnumMap<>(PeerGroup.class);
        day.bottlenecks().forEach(b -> worst.putIfAbsent(b.peerGroup(), b));
        return List.copyOf(worst.values());
    }
}
