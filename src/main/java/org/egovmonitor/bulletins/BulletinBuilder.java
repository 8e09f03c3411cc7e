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
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.Grade;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.IndicatorResult;
import org.egovmonitor.scoring.IndicatorState;
import org.egovmonitor.scoring.RankedScore;
import org.egovmonitor.scoring.UnitScore;

/**
 * Builds a {@link Bulletin} from two stored snapshots (the period's last day and the previous period's last day):
 * a pure function, so the 环比 arithmetic is tested on plain inputs.
 */
public final class BulletinBuilder {

    /** How many units the "improved most" section names. */
    static final int IMPROVED = 10;

    /** How many inspection findings the report lists (the rest are counted; the system has them all). */
    static final int CHECK_FINDINGS = 100;

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
        List<Bulletin.CheckFindingLine> checkFindings = checkFindings(current, catalogue);
        return new Bulletin(period, current.day(), previous == null ? null : previous.day(),
                current.catalogueVersion(), context.generatedAt(), overview(current, context.sites()),
                context.coverage(), List.copyOf(rankings), vetoes(current, catalogue), worstPerGroup(current),
                improved, List.copyOf(context.tasks()), List.copyOf(context.periodTasks()),
                checks(current, catalogue), checkFindings.stream().limit(CHECK_FINDINGS).toList(),
                checkFindings.size());
    }

    /** Each inspection indicator of the catalogue, in catalogue order, over the snapshot's units. */
    static List<Bulletin.CheckLine> checks(DaySnapshot day, IndicatorCatalogue catalogue) {
        List<Bulletin.CheckLine> lines = new ArrayList<>();
        for (Indicator ind : catalogue.indicators()) {
            if (!ind.rule().inspection()) {
                continue;
            }
            int judged = 0;
            int affected = 0;
            int vetoed = 0;
            int findings = 0;
            for (RankedScore r : day.units()) {
                IndicatorResult res = r.score().indicators().stream().filter(i -> i.id().equals(ind.id()))
                        .findFirst().orElse(null);
                if (res == null || res.state() != IndicatorState.SCORED) {
                    continue;
                }
                judged++;
                affected += res.shortfall() > 0 || res.vetoed() ? 1 : 0;
                vetoed += res.vetoed() ? 1 : 0;
                findings += (int) problems(r.score()).stream().filter(f -> f.indicator().equals(ind.id())).count();
            }
            lines.add(new Bulletin.CheckLine(ind.name(), ind.group(), judged, affected, vetoed, findings));
        }
        return List.copyOf(lines);
    }

    /**
     * A unit's problems: its deductions and vetoes, where a severe problem (a veto that also lost points) is one, the
     * veto, not two.
     */
    private static List<Finding> problems(UnitScore score) {
        java.util.Set<String> vetoed = new java.util.HashSet<>();
        for (Finding f : score.vetoes()) {
            vetoed.add(f.indicator() + "\n" + f.message() + "\n" + (f.evidence() == null ? "" : f.evidence().url()));
        }
        return score.findings().stream().filter(f -> f.kind() == FindingKind.VETO || f.kind() == FindingKind.DEDUCTION
                && !vetoed.contains(f.indicator() + "\n" + f.message() + "\n"
                + (f.evidence() == null ? "" : f.evidence().url()))).toList();
    }

    /**
     * Every problem of an inspection indicator (a severe one once, as its veto): vetoes first, then by points lost,
     * then by unit.
     */
    static List<Bulletin.CheckFindingLine> checkFindings(DaySnapshot day, IndicatorCatalogue catalogue) {
        List<Bulletin.CheckFindingLine> lines = new ArrayList<>();
        for (RankedScore r : day.units()) {
            for (Finding f : problems(r.score())) {
                Indicator ind = catalogue.indicator(f.indicator()).orElse(null);
                if (ind == null || !ind.rule().inspection()) {
                    continue;
                }
                Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
                lines.add(new Bulletin.CheckFindingLine(r.score().unitCode(), r.score().unitName(), ind.name(),
                        f.kind() == FindingKind.VETO, f.points(), f.message(), e.url() != null ? e.url()
                        : f.siteUrl()));
            }
        }
        lines.sort(Comparator.comparing((Bulletin.CheckFindingLine l) -> !l.veto())
                .thenComparing(Comparator.comparingDouble(Bulletin.CheckFindingLine::points).reversed())
                .thenComparing(Bulletin.CheckFindingLine::unitCode));
        return lines;
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
