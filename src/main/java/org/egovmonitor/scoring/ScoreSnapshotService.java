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
import org.egovmonitor.platform.Messages;
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
     * Scores one unit again for today, at once, after a decision changed what it is scored on (an approved
     * self-report, liaison change or appeal, a finished re-check): see {@link #rescoreUnit(String, LocalDate)}.
     */
    public RankedScore rescoreUnit(String unitCode) {
        return rescoreUnit(unitCode, today());
    }

    /**
     * Scores one unit of {@code day} again: its row is replaced and its peer group re-ranked, its group figures and
     * city bottlenecks adjusted, in one transaction; other units' scores are untouched (their places may move).
     * The evidence is the day's, filtered to the unit, with the findings accepted appeals excluded from that day on.
     * Without a stored snapshot of the day (or when the unit is new to it, or changed peer group), the day is
     * computed whole instead.
     *
     * @return the unit's new score with its place
     * @throws NotFoundException when the registry has no such unit
     */
    public RankedScore rescoreUnit(String unitCode, LocalDate day) {
        UnitEvidence unit = evidence.evidenceFor(day).stream().filter(u -> u.unit().code().equals(unitCode))
                .findFirst().orElseThrow(() -> NotFoundException.unit(unitCode));
        Set<FindingKey> excluded = jdbi.withExtension(FindingExclusionDao.class, d -> d.byUnit(day))
                .getOrDefault(unitCode, Set.of());
        UnitScore fresh = ScoreCalculator.score(unit, catalogue, day, excluded);
        RankedScore placed = jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            if (dao.lockDay(day).isEmpty()) {
                return null;
            }
            RankingRow oldRow = dao.row(day, unitCode).orElse(null);
            if (oldRow == null || oldRow.peerGroup() != fresh.peerGroup()) {
                return null;
            }
            UnitScore old = unitScore(oldRow, dao.detail(day, unitCode).orElseThrow());
            PeerGroup group = fresh.peerGroup();
            List<UnitScore> peers = new ArrayList<>();
            for (RankingRow row : dao.rankings(day, RankingQuery.all(group))) {
                peers.add(row.unitCode().equals(unitCode) ? fresh : placeOnly(row));
            }
            Map<String, Integer> previous = dao.dayBefore(day).map(dao::ranks).orElse(Map.of());
            List<RankedScore> ranked = Rankings.rank(peers, previous);
            RankedScore mine = ranked.stream().filter(r -> r.score() == fresh).findFirst().orElseThrow();
            dao.deleteUnit(day, unitCode);
            writer.write(h, day, List.of(mine));
            dao.updatePlaces(day, ranked.stream().filter(r -> r != mine)
                    .map(r -> new ScoreSnapshotDao.Place(r.score().unitCode(), r.rank(), r.rankChange())).toList());
            dao.deleteGroups(day);
            dao.summariseGroups(day);
            List<CityBottleneck> bottlenecks = Rankings.adjustBottlenecks(dao.bottlenecks(day, group), old, fresh,
                    peers.size(), catalogue);
            dao.deleteBottlenecks(day, group);
            bottlenecks.forEach(b -> dao.insertBottleneck(day, b));
            return mine;
        });
        if (placed != null) {
            return placed;
        }
        snapshot(day);
        return jdbi.withExtension(ScoreSnapshotDao.class, dao -> {
            RankingRow row = dao.row(day, unitCode).orElseThrow();
            return new RankedScore(fresh, row.rank(), row.rankChange());
        });
    }

    /** A stored row as ranking sees it: its standing, without the per-indicator documents it does not need. */
    private static UnitScore placeOnly(RankingRow row) {
        return new UnitScore(row.unitCode(), row.unitName(), row.peerGroup(), row.total(), row.scoredWeight(),
                row.bonus(), row.grade(), row.vetoed(), List.of(), List.of(), row.bottleneck(),
                row.bottleneckShortfall());
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
        return dao.latest().orElseThrow(() -> new NotFoundException(Messages.get("error.scoring.noSnapshot")));
    }

    private static NotFoundException noSnapshot(LocalDate day) {
        return new NotFoundException(Messages.get("error.scoring.noSnapshotOn", day));
    }

    /** One page of a stored day's ranking (the latest day when {@code date} is null). */
    public RankingTable rankings(RankingQuery query, LocalDate date) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            return rankings(dao, query, storedDay(dao, date));
        });
    }

    /**
     * One page of the latest stored day on or before {@code day}: a comparison with "a month ago" uses the nearest
     * earlier snapshot, and when there is none that is an answer too (day null, no rows), not an error.
     */
    public RankingTable rankingsOnOrBefore(RankingQuery query, LocalDate day) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            return dao.dayOnOrBefore(day).flatMap(dao::day).map(stored -> rankings(dao, query, stored))
                    .orElseGet(() -> new RankingTable(null, null, query.group(), 0, query.offset(),
                            query.limit() == null ? 0 : query.limit(), List.of(), List.of()));
        });
    }

    private RankingTable rankings(ScoreSnapshotDao dao, RankingQuery query, ScoreSnapshotDao.Day stored) {
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
    }

    public Scorecard scorecard(String code, LocalDate date) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            requireKnownUnit(h.attach(UnitDao.class), dao, code);
            ScoreSnapshotDao.Day stored = storedDay(dao, date);
            LocalDate day = stored.day();
            RankingRow row = dao.row(day, code).orElseThrow(() -> new NotFoundException(
                    Messages.get("error.scoring.noRow", code, day)));
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

    /**
     * The warnings (and vetoes when asked) of a stored day (the latest by default), each marked new when the
     * previous stored day did not have it (see {@link NewFindings}).
     */
    public List<AlertRow> warnings(PeerGroup group, LocalDate date, boolean includeVetoes) {
        return jdbi.inTransaction(h -> {
            ScoreSnapshotDao dao = h.attach(ScoreSnapshotDao.class);
            LocalDate day = storedDay(dao, date).day();
            LocalDate previous = dao.dayBefore(day).orElse(null);
            List<AlertRow> before = previous == null ? List.of() : alerts(dao, previous, group, includeVetoes);
            return NewFindings.mark(alerts(dao, day, group, includeVetoes), previous, before);
        });
    }

    private List<AlertRow> alerts(ScoreSnapshotDao dao, LocalDate day, PeerGroup group, boolean includeVetoes) {
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
            return FieldError.of("thresholds", Messages.get("error.scoring.badThresholds"));
        }
    }
}
