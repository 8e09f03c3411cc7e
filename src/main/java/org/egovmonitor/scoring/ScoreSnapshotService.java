package org.egovmonitor.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.InvalidRulesException;
import org.egovmonitor.platform.RuleProblem;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Daily score snapshots: computes a day from an {@link EvidenceSource} with the pure calculator and ranking, stores
 * it (replacing any earlier run of that day, in one transaction), and answers the read side of the scoring API.
 */
public class ScoreSnapshotService {

    private static final TypeReference<List<IndicatorResult>> INDICATORS = new TypeReference<>() {
    };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final EvidenceSource evidence;
    private final IndicatorCatalogue catalogue;
    private final ObjectMapper json;
    private final ScoreSnapshotWriter writer;
    private final Clock clock;

    public ScoreSnapshotService(Jdbi jdbi, EvidenceSource evidence, IndicatorCatalogue catalogue, ObjectMapper json,
                                Clock clock) {
        this.jdbi = jdbi;
        this.evidence = evidence;
        this.catalogue = catalogue;
        this.json = json;
        this.writer = new ScoreSnapshotWriter(json);
        this.clock = clock;
    }

    public IndicatorCatalogue catalogue() {
        return catalogue;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Computes {@code day} from the evidence source, ranked against the previous stored day; saves nothing. */
    public DaySnapshot recompute(LocalDate day) {
        return compute(day, catalogue, evidence.evidenceFor(day));
    }

    DaySnapshot compute(LocalDate day, IndicatorCatalogue rules, List<UnitEvidence> units) {
        Map<String, Set<FindingKey>> excluded = jdbi.withExtension(FindingExclusionDao.class, d -> d.byUnit(day));
        List<UnitScore> scores = new ArrayList<>(units.size());
        for (UnitEvidence unit : units) {
            scores.add(ScoreCalculator.score(unit, rules, day, excluded.getOrDefault(unit.unit().code(), Set.of())));
        }
        Map<String, Integer> previous = jdbi.withExtension(ScoreSnapshotDao.class,
                dao -> dao.dayBefore(day).map(dao::ranks).orElse(Map.of()));
        return new DaySnapshot(day, rules.version(), rules.hash(), Rankings.rank(scores, previous),
                Rankings.cityBottlenecks(scores, rules));
    }

    /** Computes and stores {@code day}; running it again replaces the day. */
    public SnapshotSummary snapshot(LocalDate day) {
        long start = System.nanoTime();
        DaySnapshot snapshot = recompute(day);
        save(snapshot);
        int vetoed = (int) snapshot.units().stream().filter(r -> r.score().vetoed()).count();
        int notRated = (int) snapshot.units().stream().filter(r -> r.score().grade() == Grade.NOT_RATED).count();
        return new SnapshotSummary(day, snapshot.catalogueVersion(), snapshot.units().size(), vetoed, notRated,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Scores one unit of {@code day} again (after a re-check or an accepted appeal) and replaces only its rows: the
     * other units keep theirs, ranks included, so the unit's rank is its place among its peers as stored. The group
     * summaries are recounted; the city bottlenecks stay as the day's full run left them. A day not stored yet is
     * computed whole.
     *
     * @return the unit's new score
     */
    public UnitScore rescoreUnit(String code, LocalDate day) {
        if (jdbi.withExtension(ScoreSnapshotDao.class, dao -> dao.day(day)).isEmpty()) {
            snapshot(day);
            return scorecard(code, day).score();
        }
        UnitEvidence unit = evidence.evidenceFor(day).stream().filter(u -> u.unit().code().equals(code)).findFirst()
                .orElseThrow(() -> NotFoundException.unit(code));
        Set<FindingKey> excluded = jdbi.withExtension(FindingExclusionDao.class, d -> d.byUnit(day))
                .getOrDefault(code, Set.of());
        UnitScore score = ScoreCalculator.score(unit, catalogue, day, excluded);
        jdbi.useTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            List<UnitScore> peers = new ArrayList<>(dao.peerStandings(day, score.peerGroup(), code));
            peers.add(score);
            Map<String, Integer> previous = dao.dayBefore(day).map(dao::ranks).orElse(Map.of());
            RankedScore ranked = Rankings.rank(peers, previous).stream()
                    .filter(r -> r.score().unitCode().equals(code)).findFirst().orElseThrow();
            dao.deleteUnit(day, code);
            writer.write(h, day, List.of(ranked));
            dao.deleteGroups(day);
            dao.summariseGroups(day);
        });
        return score;
    }

    void save(DaySnapshot snapshot) {
        jdbi.useTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            dao.deleteDay(snapshot.day());
            dao.insertDay(snapshot.day(), snapshot.catalogueVersion(), snapshot.catalogueHash(),
                    catalogue.indicators().stream().map(Indicator::id).toArray(String[]::new),
                    snapshot.units().size());
            writer.write(h, snapshot.day(), snapshot.units());
            dao.summariseGroups(snapshot.day());
            snapshot.bottlenecks().forEach(b -> dao.insertBottleneck(snapshot.day(), b));
        });
    }

    /** A stored day read back whole, in the order ranking produces (for comparisons and exports). */
    public DaySnapshot stored(LocalDate day) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            ScoreSnapshotDao.Day stored = dao.day(day).orElseThrow(() -> noSnapshot(day));
            List<RankedScore> units = new ArrayList<>();
            for (RankingRow row : dao.rankings(day, RankingQuery.all(null))) {
                units.add(new RankedScore(unitScore(row, dao.detail(day, row.unitCode()).orElseThrow()), row.rank(),
                        row.rankChange()));
            }
            units.sort(Comparator.comparing((RankedScore r) -> r.score().peerGroup())
                    .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                    .thenComparing(r -> r.score().unitCode()));
            return new DaySnapshot(day, stored.catalogueVersion(), stored.catalogueHash(), units,
                    sortedBottlenecks(dao.bottlenecks(day, null)));
        });
    }

    private UnitScore unitScore(RankingRow row, ScoreSnapshotDao.Detail detail) {
        try {
            return new UnitScore(row.unitCode(), row.unitName(), row.peerGroup(), row.total(), row.scoredWeight(),
                    row.bonus(), row.grade(), row.vetoed(), json.readValue(detail.indicators(), INDICATORS),
                    json.readValue(detail.findings(), FINDINGS), row.bottleneck(), row.bottleneckShortfall());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score of " + row.unitCode() + " is unreadable", e);
        }
    }

    // ---- read side

    /** The stored day asked for, or the latest; one query either way (rankings are read on every page turn). */
    private ScoreSnapshotDao.Day storedDay(ScoreSnapshotDao dao, LocalDate date) {
        if (date != null) {
            return dao.day(date).orElseThrow(() -> noSnapshot(date));
        }
        return dao.latest().orElseThrow(() -> new NotFoundException("尚无评分快照"));
    }

    private static NotFoundException noSnapshot(LocalDate day) {
        return new NotFoundException("该日期没有评分快照：" + day);
    }

    /** One page of a stored day's ranking (the latest day when {@code date} is null). */
    public RankingTable rankings(RankingQuery query, LocalDate date) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            ScoreSnapshotDao.Day stored = storedDay(dao, date);
            LocalDate day = stored.day();
            List<RankingTable.GroupSummary> groups = new ArrayList<>();
            int units = 0;
            for (ScoreSnapshotDao.GroupCount g : dao.rankingGroups(day, query)) {
                groups.add(new RankingTable.GroupSummary(g.peerGroup(), g.peerGroup().label(), g.units(), g.rated(),
                        g.averageTotal()));
                units += g.units();
            }
            groups.sort(Comparator.comparing(RankingTable.GroupSummary::peerGroup));
            List<RankingRow> rows = query.limit() != null && query.limit() == 0 ? List.of() : dao.rankings(day, query);
            return new RankingTable(day, stored.catalogueVersion(), query.group(), units,
                    query.offset(), query.limit() == null ? rows.size() : query.limit(), List.copyOf(groups), rows);
        });
    }

    public Scorecard scorecard(String code, LocalDate date) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            requireKnownUnit(h.attach(UnitDao.class), dao, code);
            ScoreSnapshotDao.Day stored = storedDay(dao, date);
            LocalDate day = stored.day();
            RankingRow row = dao.row(day, code).orElseThrow(() -> new NotFoundException("单位 " + code + " 在 " + day
                    + " 没有评分"));
            UnitScore score = unitScore(row, dao.detail(day, code).orElseThrow());
            return new Scorecard(day, stored.catalogueVersion(), row.rank(), row.rankChange(),
                    dao.peers(day, row.peerGroup()), row.grade().label(), score);
        });
    }

    public List<HistoryPoint> history(String code) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            requireKnownUnit(h.attach(UnitDao.class), dao, code);
            return dao.history(code);
        });
    }

    private static void requireKnownUnit(UnitDao units, ScoreSnapshotDao dao, String code) {
        if (units.find(code).isEmpty() && !dao.hasHistory(code)) {
            throw NotFoundException.unit(code);
        }
    }

    public List<CityBottleneck> bottlenecks(PeerGroup group, LocalDate date) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            return sortedBottlenecks(dao.bottlenecks(storedDay(dao, date).day(), group));
        });
    }

    private List<CityBottleneck> sortedBottlenecks(List<CityBottleneck> rows) {
        List<CityBottleneck> sorted = new ArrayList<>(rows);
        sorted.sort(Rankings.bottleneckOrder(catalogue));
        return sorted;
    }

    public List<AlertRow> warnings(PeerGroup group, LocalDate date, boolean includeVetoes) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            LocalDate day = storedDay(dao, date).day();
            List<AlertRow> out = new ArrayList<>();
            for (ScoreMappers.RawAlert raw : dao.alerts(day, group, includeVetoes)) {
                try {
                    out.add(new AlertRow(day, raw.unitCode(), raw.unitName(), raw.peerGroup(),
                            json.readValue(raw.findingJson(), Finding.class)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored finding of " + raw.unitCode() + " is unreadable", e);
                }
            }
            return out;
        });
    }

    /** Scores a day under other weights/thresholds next to the current rules, from the same evidence; saves nothing. */
    public WhatIfResult whatIf(WhatIfRequest request) {
        IndicatorCatalogue rules;
        try {
            rules = catalogue.withOverrides(request.weights(), request.thresholds());
        } catch (InvalidRulesException e) {
            List<FieldError> errors = e.problems().stream()
                    .map(p -> WhatIfErrors.toFieldError(p, catalogue.indicators())).toList();
            throw new ValidationException(errors);
        }
        LocalDate day = request.date() != null ? request.date()
                : jdbi.withExtension(ScoreSnapshotDao.class, ScoreSnapshotDao::latestDay).orElse(today());
        List<UnitEvidence> units = evidence.evidenceFor(day);
        DaySnapshot baseline = compute(day, catalogue, units);
        DaySnapshot changed = compute(day, rules, units);
        Map<String, RankedScore> before = new HashMap<>();
        baseline.units().forEach(r -> before.put(r.score().unitCode(), r));
        List<WhatIfRow> rows = new ArrayList<>();
        for (RankedScore r : changed.units()) {
            RankedScore b = before.get(r.score().unitCode());
            UnitScore s = r.score();
            rows.add(new WhatIfRow(s.peerGroup(), s.unitCode(), s.unitName(), b.score().total(), b.rank(),
                    b.score().grade(), s.total(), r.rank(), s.grade(), s.vetoed(), s.bottleneck()));
        }
        return new WhatIfResult(day, false, rows, changed.bottlenecks());
    }

    /**
     * Catalogue problems as API field errors, named by the request's own fields: {@code weights.x} and
     * {@code thresholds.x.y} stay, a bad value of the i-th indicator ({@code indicators[i].weight},
     * {@code indicators[i].params.y}) is named by that indicator's id.
     */
    static final class WhatIfErrors {

        private static final Pattern INDICATOR = Pattern.compile("indicators\\[(\\d+)]\\.(weight|params\\.(\\w+))");

        private WhatIfErrors() {
        }

        static FieldError toFieldError(RuleProblem problem, List<Indicator> indicators) {
            String field = problem.field();
            if (field.startsWith("weights.") || field.startsWith("thresholds.")) {
                return FieldError.of(field, problem.reason());
            }
            Matcher m = INDICATOR.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < indicators.size()) {
                String id = indicators.get(Integer.parseInt(m.group(1))).id();
                return FieldError.of(m.group(3) == null ? "weights." + id : "thresholds." + id + "." + m.group(3),
                        problem.reason());
            }
            return FieldError.of("thresholds", "规则组合不合理，请检查权重和阈值");
        }
    }
}
