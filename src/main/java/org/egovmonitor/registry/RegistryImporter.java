package org.egovmonitor.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a registry file all or nothing: every row is validated (fields, duplicates within the file, references to
 * units in the file or the database, parent cycles) before anything is written, and the writes happen in one
 * transaction. Upserts by natural key make a second import of the same file a no-op.
 */
public class RegistryImporter {

    private final Jdbi jdbi;
    private final Clock clock;

    public RegistryImporter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What an import did, or why it did nothing. */
    public record Report(boolean applied, int rows, int unitsChanged, int sitesChanged, int nodesChanged,
                         int liaisonsChanged, int leadersChanged, List<FieldError> errors) {

        public int changed() {
            return unitsChanged + sitesChanged + nodesChanged + liaisonsChanged + leadersChanged;
        }

        static Report rejected(int rows, List<FieldError> errors) {
            List<FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing((FieldError e) -> e.line() == null ? 0 : e.line()));
            return new Report(false, rows, 0, 0, 0, 0, 0, sorted);
        }
    }

    public Report importDocument(RegistryFileReader.Result parsed, boolean demo) {
        return importDocument(parsed, demo, false);
    }

    /**
     * With {@code dryRun} the rows are validated and written exactly as a real import would, and the transaction is
     * then rolled back: the report's counts are what the import would change, and nothing is kept.
     */
    public Report importDocument(RegistryFileReader.Result parsed, boolean demo, boolean dryRun) {
        try {
            return apply(parsed, demo, dryRun);
        } catch (DryRun done) {
            Report r = done.report;
            return new Report(false, r.rows(), r.unitsChanged(), r.sitesChanged(), r.nodesChanged(),
                    r.liaisonsChanged(), r.leadersChanged(), List.of());
        }
    }

    /** Thrown out of the transaction to roll a dry run back, carrying what it would have done. */
    private static final class DryRun extends RuntimeException {
        final transient Report report;

        DryRun(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private Report apply(RegistryFileReader.Result parsed, boolean demo, boolean dryRun) {
        RegistryDocument doc = parsed.document();
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        LocalDate today = LocalDate.now(clock);

        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Integer> unitLines = new HashMap<>();
        for (RegistryDocument.Row<UnitRequest> row : doc.units()) {
            RegistryValidator.Checked<Unit> c = RegistryValidator.unit(row.value(), demo);
            c.errors().forEach(e -> errors.add(e.atLine(row.line())));
            if (c.ok()) {
                Unit u = c.value();
                if (units.putIfAbsent(u.code(), u) != null) {
                    errors.add(new FieldError(row.line(), "code",
                            Messages.get("error.registry.import.duplicateUnit", unitLines.get(u.code()))));
                } else {
                    unitLines.put(u.code(), row.line());
                }
            }
        }
        Map<String, RegistryDocument.Row<SiteRequest>> sites = new LinkedHashMap<>();
        for (RegistryDocument.Row<SiteRequest> row : doc.sites()) {
            RegistryValidator.Checked<SiteRequest> c = RegistryValidator.site(row.value());
            c.errors().forEach(e -> errors.add(e.atLine(row.line())));
            if (c.ok()) {
                RegistryDocument.Row<SiteRequest> previous =
                        sites.putIfAbsent(c.value().url(), new RegistryDocument.Row<>(row.line(), c.value()));
                if (previous != null) {
                    errors.add(new FieldError(row.line(), "url",
                            Messages.get("error.registry.import.duplicateUrl", previous.line())));
                }
            }
        }
        Map<String, RegistryDocument.Row<NetworkNode>> nodes = new LinkedHashMap<>();
        for (RegistryDocument.Row<NodeRequest> row : doc.nodes()) {
            RegistryValidator.Checked<NetworkNode> c = RegistryValidator.node(row.value(), today);
            c.errors().forEach(e -> errors.add(e.atLine(row.line())));
            if (c.ok() && nodes.putIfAbsent(c.value().unitCode(), new RegistryDocument.Row<>(row.line(), c.value()))
                    != null) {
                errors.add(new FieldError(row.line(), "unitCode", Messages.get("error.registry.import.duplicateNode")));
            }
        }
        Map<String, RegistryDocument.Row<LiaisonRequest>> liaisons = new LinkedHashMap<>();
        for (RegistryDocument.Row<LiaisonRequest> row : doc.liaisons()) {
            RegistryValidator.Checked<LiaisonRequest> c = RegistryValidator.liaison(row.value(), today);
            c.errors().forEach(e -> errors.add(e.atLine(row.line())));
            if (c.ok() && liaisons.putIfAbsent(c.value().unitCode(), new RegistryDocument.Row<>(row.line(), c.value()))
                    != null) {
                errors.add(new FieldError(row.line(), "unitCode",
                        Messages.get("error.registry.import.duplicateLiaison")));
            }
        }
        Map<String, List<RegistryDocument.Row<LeaderRequest>>> leaders = leadersByUnit(doc.leaders(), errors);

        return jdbi.inTransaction(h -> {
            checkReferences(h, units, unitLines, sites, nodes, liaisons, leaders, errors);
            checkLiaisonsAgainstCurrent(h, liaisons, demo, errors);
            if (!errors.isEmpty()) {
                return Report.rejected(doc.size(), errors);
            }
            List<Unit> unitRows = List.copyOf(units.values());
            int unitsChanged = sum(h.attach(UnitDao.class).upsertAll(unitRows,
                    unitRows.stream().map(u -> RegistryService.array(u.aliases())).toList(),
                    unitRows.stream().map(u -> RegistryService.array(u.tags())).toList()));
            int sitesChanged = sum(h.attach(SiteDao.class).upsertAll(
                    sites.values().stream().map(RegistryDocument.Row::value).toList(), demo));
            int nodesChanged = 0;
            RegistryService.datesStatusChanges(h, today);
            NetworkNodeDao nodeDao = h.attach(NetworkNodeDao.class);
            for (RegistryDocument.Row<NetworkNode> row : nodes.values()) {
                nodesChanged += nodeDao.upsert(row.value());
            }
            int liaisonsChanged = 0;
            for (RegistryDocument.Row<LiaisonRequest> row : liaisons.values()) {
                liaisonsChanged += RegistryService.replaceLiaison(h, row.value()).isPresent() ? 1 : 0;
            }
            int leadersChanged = replaceLeaders(h, leaders, demo);
            Report report = new Report(true, doc.size(), unitsChanged, sitesChanged, nodesChanged, liaisonsChanged,
                    leadersChanged, List.of());
            if (dryRun) {
                throw new DryRun(report);
            }
            return report;
        });
    }

    /**
     * The file's leader rows per unit, in file order: each unit's rows are its whole list. A name twice for one unit,
     * or more leaders than the API allows, is an error of the row.
     */
    private static Map<String, List<RegistryDocument.Row<LeaderRequest>>> leadersByUnit(
            List<RegistryDocument.Row<LeaderRequest>> rows, List<FieldError> errors) {
        Map<String, List<RegistryDocument.Row<LeaderRequest>>> byUnit = new LinkedHashMap<>();
        for (RegistryDocument.Row<LeaderRequest> row : rows) {
            RegistryValidator.Checked<LeaderRequest> c = RegistryValidator.leader(row.value());
            c.errors().forEach(e -> errors.add(e.atLine(row.line())));
            if (!c.ok()) {
                continue;
            }
            List<RegistryDocument.Row<LeaderRequest>> list = byUnit.computeIfAbsent(c.value().unitCode(),
                    k -> new ArrayList<>());
            Optional<RegistryDocument.Row<LeaderRequest>> same = list.stream()
                    .filter(r -> r.value().name().equals(c.value().name())).findFirst();
            if (same.isPresent()) {
                errors.add(new FieldError(row.line(), "name", Messages.get("error.registry.import.duplicateLeader",
                        c.value().name(), same.get().line())));
            } else if (list.size() == LeadersRequest.MAX) {
                errors.add(new FieldError(row.line(), "unitCode",
                        Messages.get("error.registry.leaders.tooMany", LeadersRequest.MAX)));
            } else {
                list.add(new RegistryDocument.Row<>(row.line(), c.value()));
            }
        }
        return byUnit;
    }

    /**
     * Gives each unit of the file its leader list; returns how many units' lists changed. The demo data never replaces
     * a unit's leaders once it has some (as with liaison officers).
     */
    private static int replaceLeaders(Handle h, Map<String, List<RegistryDocument.Row<LeaderRequest>>> leaders,
                                      boolean demo) {
        UnitLeaderDao dao = h.attach(UnitLeaderDao.class);
        int changed = 0;
        for (Map.Entry<String, List<RegistryDocument.Row<LeaderRequest>>> unit : leaders.entrySet()) {
            List<UnitLeader> wanted = new ArrayList<>();
            for (RegistryDocument.Row<LeaderRequest> row : unit.getValue()) {
                wanted.add(new UnitLeader(row.value().name(), row.value().post(), wanted.size()));
            }
            List<UnitLeader> current = dao.list(unit.getKey());
            if (!current.equals(wanted) && !(demo && !current.isEmpty())) {
                dao.replace(unit.getKey(), wanted);
                changed++;
            }
        }
        return changed;
    }

    /**
     * A file's officer replaces the current one only from a day on or after the current one's start. In a user's file
     * an earlier day is an error of that row (line, field, unit). The demo data never replaces an officer: once a
     * unit has one, whoever set it (an approved change request, the office) wins, so the demo starts again whatever
     * users changed.
     */
    private static void checkLiaisonsAgainstCurrent(Handle h, Map<String, RegistryDocument.Row<LiaisonRequest>> liaisons,
                                                    boolean demo, List<FieldError> errors) {
        LiaisonDao dao = h.attach(LiaisonDao.class);
        liaisons.values().removeIf(row -> {
            LiaisonRequest l = row.value();
            Optional<Liaison> current = dao.findCurrent(l.unitCode());
            if (current.isEmpty() || RegistryService.sameOfficer(current.get(), l)) {
                return demo && current.isEmpty() && !dao.history(l.unitCode()).isEmpty();
            }
            if (demo) {
                return true;
            }
            if (l.since().isBefore(current.get().since())) {
                errors.add(new FieldError(row.line(), "since",
                        Messages.get("error.registry.import.sinceBeforeCurrent", l.unitCode(), l.since(),
                                current.get().name(), current.get().since())));
            }
            return false;
        });
    }

    private static void checkReferences(Handle h, Map<String, Unit> units, Map<String, Integer> unitLines,
                                        Map<String, RegistryDocument.Row<SiteRequest>> sites,
                                        Map<String, RegistryDocument.Row<NetworkNode>> nodes,
                                        Map<String, RegistryDocument.Row<LiaisonRequest>> liaisons,
                                        Map<String, List<RegistryDocument.Row<LeaderRequest>>> leaders,
                                        List<FieldError> errors) {
        Set<String> referenced = new HashSet<>();
        units.values().forEach(u -> {
            if (u.parentCode() != null) {
                referenced.add(u.parentCode());
            }
        });
        sites.values().forEach(r -> referenced.add(r.value().unitCode()));
        nodes.values().forEach(r -> referenced.add(r.value().unitCode()));
        liaisons.values().forEach(r -> referenced.add(r.value().unitCode()));
        referenced.addAll(leaders.keySet());
        referenced.removeAll(units.keySet());
        UnitDao unitDao = h.attach(UnitDao.class);
        Set<String> known = new HashSet<>(units.keySet());
        if (!referenced.isEmpty()) {
            known.addAll(unitDao.existingCodes(referenced.toArray(new String[0])));
        }
        for (Unit u : units.values()) {
            if (u.parentCode() != null && !known.contains(u.parentCode())) {
                errors.add(new FieldError(unitLines.get(u.code()), "parentCode",
                        Messages.get("error.registry.parentMissing", u.parentCode())));
            }
        }
        sites.values().forEach(r -> requireKnown(known, r.line(), r.value().unitCode(), errors));
        nodes.values().forEach(r -> requireKnown(known, r.line(), r.value().unitCode(), errors));
        liaisons.values().forEach(r -> requireKnown(known, r.line(), r.value().unitCode(), errors));
        leaders.values().stream().flatMap(List::stream)
                .forEach(r -> requireKnown(known, r.line(), r.value().unitCode(), errors));

        // Parent cycles, over the units of the file combined with the database (file rows win).
        Map<String, String> parents = new HashMap<>();
        for (Unit u : unitDao.findAll()) {
            parents.put(u.code(), u.parentCode());
        }
        units.values().forEach(u -> parents.put(u.code(), u.parentCode()));
        for (Unit u : units.values()) {
            Set<String> seen = new HashSet<>();
            String current = u.code();
            while (current != null && seen.add(current)) {
                current = parents.get(current);
            }
            if (current != null && current.equals(u.code())) {
                errors.add(new FieldError(unitLines.get(u.code()), "parentCode",
                        Messages.get("error.registry.parentCycle")));
            }
        }
    }

    private static int sum(int[] counts) {
        return java.util.Arrays.stream(counts).sum();
    }

    private static void requireKnown(Set<String> known, int line, String unitCode, List<FieldError> errors) {
        if (!known.contains(unitCode)) {
            errors.add(new FieldError(line, "unitCode", Messages.get("error.registry.unitMissing", unitCode)));
        }
    }
}
