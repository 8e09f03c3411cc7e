package org.egovmonitor.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewOutcomeListener;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.reviews.Reviews;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads and writes the registry; every write is one transaction. */
public class RegistryService {

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile ReviewOutcomeListener approvals = ReviewOutcomeListener.NONE;

    public RegistryService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Who hears of an approved liaison change (scoring, to re-score the unit at once). */
    public void onApproval(ReviewOutcomeListener listener) {
        this.approvals = listener;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- units

    public List<UnitSummary> listUnits(UnitKind kind, PeerGroup group, String parent, Boolean connected) {
        return jdbi.withExtension(RegistryQueries.class, q -> q.listUnits(kind, group, parent, connected));
    }

    public UnitDetail unitDetail(String code) {
        return jdbi.inTransaction(h -> {
            Unit unit = requireUnit(h, code);
            return new UnitDetail(unit, h.attach(SiteDao.class).findByUnit(code),
                    h.attach(NetworkNodeDao.class).find(code).orElse(null),
                    h.attach(LiaisonDao.class).findCurrent(code).orElse(null),
                    h.attach(UnitDao.class).childCodes(code));
        });
    }

    public Unit createUnit(UnitRequest request) {
        RegistryValidator.Checked<Unit> checked = RegistryValidator.unit(request, false);
        ValidationException.throwIfAny(checked.errors());
        Unit unit = checked.value();
        return jdbi.inTransaction(h -> {
            UnitDao units = h.attach(UnitDao.class);
            if (units.find(unit.code()).isPresent()) {
                throw new ConflictException(Messages.get("error.registry.unitCodeTaken", unit.code()));
            }
            checkParent(h, unit);
            units.insert(unit, array(unit.aliases()), array(unit.tags()));
            return units.find(unit.code()).orElseThrow();
        });
    }

    public Unit updateUnit(String code, UnitRequest request) {
        if (request.code() != null && !request.code().strip().equals(code)) {
            throw new ValidationException(List.of(FieldError.of("code",
                    Messages.get("error.registry.codeMismatchImmutable"))));
        }
        UnitRequest withCode = new UnitRequest(code, request.name(), request.kind(), request.parentCode(),
                request.peerGroup(), request.aliases(), request.tags());
        return jdbi.inTransaction(h -> {
            Unit existing = requireUnit(h, code);
            RegistryValidator.Checked<Unit> checked = RegistryValidator.unit(withCode, existing.demo());
            ValidationException.throwIfAny(checked.errors());
            Unit unit = checked.value();
            checkParent(h, unit);
            UnitDao units = h.attach(UnitDao.class);
            units.update(unit, array(unit.aliases()), array(unit.tags()));
            return units.find(code).orElseThrow();
        });
    }

    public void deleteUnit(String code) {
        jdbi.useTransaction(h -> {
            requireUnit(h, code);
            UnitDao units = h.attach(UnitDao.class);
            List<String> children = units.childCodes(code);
            if (!children.isEmpty()) {
                throw new ConflictException(
                        Messages.get("error.registry.hasChildren", code, String.join(", ", children)));
            }
            int sites = h.attach(SiteDao.class).countByUnit(code);
            if (sites > 0) {
                throw new ConflictException(Messages.get("error.registry.hasSites", code, sites));
            }
            units.delete(code);
        });
    }

    private static Unit requireUnit(Handle h, String code) {
        return h.attach(UnitDao.class).find(code).orElseThrow(() -> NotFoundException.unit(code));
    }

    /** The parent must exist and must not be the unit itself or one of its descendants. */
    private static void checkParent(Handle h, Unit unit) {
        if (unit.parentCode() == null) {
            return;
        }
        UnitDao units = h.attach(UnitDao.class);
        Set<String> seen = new HashSet<>();
        String current = unit.parentCode();
        while (current != null) {
            if (current.equals(unit.code()) || !seen.add(current)) {
                throw new ValidationException(List.of(FieldError.of("parentCode",
                        Messages.get("error.registry.parentCycle"))));
            }
            Unit parent = units.find(current).orElse(null);
            if (parent == null) {
                if (current.equals(unit.parentCode())) {
                    throw new ValidationException(List.of(FieldError.of("parentCode",
                            Messages.get("error.registry.parentMissing", current))));
                }
                return;
            }
            current = parent.parentCode();
        }
    }

    // ---- sites

    public List<Site> listSites(String unitCode, SiteKind kind, Boolean monitored) {
        return jdbi.withExtension(SiteDao.class, d -> d.list(unitCode, kind, monitored));
    }

    public Site site(long id) {
        return jdbi.withExtension(SiteDao.class, d -> d.find(id))
                .orElseThrow(() -> new NotFoundException(Messages.get("error.registry.siteNotFound", id)));
    }

    public Site createSite(SiteRequest request) {
        SiteRequest site = checkedSite(request);
        return jdbi.inTransaction(h -> {
            SiteDao sites = h.attach(SiteDao.class);
            requireOwner(h, site.unitCode());
            if (sites.findByUrl(site.url()).isPresent()) {
                throw new ConflictException(Messages.get("error.registry.urlTaken", site.url()));
            }
            long id = sites.insert(site.url(), site.name(), site.kind(), site.unitCode(), site.monitored(), false);
            return sites.find(id).orElseThrow();
        });
    }

    public Site updateSite(long id, SiteRequest request) {
        SiteRequest site = checkedSite(request);
        return jdbi.inTransaction(h -> {
            SiteDao sites = h.attach(SiteDao.class);
            sites.find(id).orElseThrow(() -> new NotFoundException(Messages.get("error.registry.siteNotFound", id)));
            requireOwner(h, site.unitCode());
            sites.findByUrl(site.url()).filter(other -> other.id() != id).ifPresent(other -> {
                throw new ConflictException(Messages.get("error.registry.urlTakenByOther", site.url()));
            });
            sites.update(id, site.url(), site.name(), site.kind(), site.unitCode(), site.monitored());
            return sites.find(id).orElseThrow();
        });
    }

    public void deleteSite(long id) {
        if (jdbi.withExtension(SiteDao.class, d -> d.delete(id)) == 0) {
            throw new NotFoundException(Messages.get("error.registry.siteNotFound", id));
        }
    }

    private static SiteRequest checkedSite(SiteRequest request) {
        RegistryValidator.Checked<SiteRequest> checked = RegistryValidator.site(request);
        ValidationException.throwIfAny(checked.errors());
        return checked.value();
    }

    private static void requireOwner(Handle h, String unitCode) {
        if (h.attach(UnitDao.class).find(unitCode).isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("unitCode",
                    Messages.get("error.registry.unitMissing", unitCode))));
        }
    }

    // ---- network nodes

    public List<NetworkNode> listNodes() {
        return jdbi.withExtension(NetworkNodeDao.class, NetworkNodeDao::findAll);
    }

    /** The unit's leaders in order (name and post), against which the wording check reads its sites. */
    public List<UnitLeader> leaders(String unitCode) {
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            return h.attach(UnitLeaderDao.class).list(unitCode);
        });
    }

    /** Replaces the unit's leaders with the request's list (its order is their order); an empty list clears them. */
    public List<UnitLeader> putLeaders(String unitCode, LeadersRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<UnitLeader> leaders = new ArrayList<>();
        if (request.leaders() == null) {
            errors.add(FieldError.of("leaders", Messages.get("error.registry.leaders.required")));
        } else if (request.leaders().size() > LeadersRequest.MAX) {
            errors.add(FieldError.of("leaders", Messages.get("error.registry.leaders.tooMany", LeadersRequest.MAX)));
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < request.leaders().size(); i++) {
                LeadersRequest.Leader l = request.leaders().get(i);
                int before = errors.size();
                String field = "leaders[" + i + "]";
                String name = RegistryValidator.leaderName(errors, field + ".name", l == null ? null : l.name());
                if (errors.size() == before && !names.add(name)) {
                    errors.add(FieldError.of(field + ".name", Messages.get("error.registry.leaders.duplicate", name)));
                }
                String post = RegistryValidator.leaderPost(errors, field + ".post", l == null ? null : l.post());
                leaders.add(new UnitLeader(name, post, i));
            }
        }
        ValidationException.throwIfAny(errors);
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            UnitLeaderDao dao = h.attach(UnitLeaderDao.class);
            dao.replace(unitCode, leaders);
            return dao.list(unitCode);
        });
    }

    public NetworkNode node(String unitCode) {
        return jdbi.withExtension(NetworkNodeDao.class, d -> d.find(unitCode))
                .orElseThrow(() -> new NotFoundException(Messages.get("error.registry.noNode", unitCode)));
    }

    public NetworkNode putNode(String unitCode, NodeRequest request) {
        checkPathMatches("unitCode", unitCode, request.unitCode());
        NodeRequest withUnit = new NodeRequest(unitCode, request.status(), request.phase(), request.connectedOn(),
                request.bandwidthMbps(), request.terminals(), request.probeHost(), request.probePort());
        RegistryValidator.Checked<NetworkNode> checked = RegistryValidator.node(withUnit, today());
        ValidationException.throwIfAny(checked.errors());
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            datesStatusChanges(h, today());
            NetworkNodeDao nodes = h.attach(NetworkNodeDao.class);
            nodes.upsert(checked.value());
            return nodes.find(unitCode).orElseThrow();
        });
    }

    public void deleteNode(String unitCode) {
        jdbi.useTransaction(h -> {
            datesStatusChanges(h, today());
            if (h.attach(NetworkNodeDao.class).delete(unitCode) == 0) {
                throw new NotFoundException(Messages.get("error.registry.noNode", unitCode));
            }
        });
    }

    /**
     * Node status changes are recorded by a database trigger (V6, node_status_changes) so that no writer can forget
     * them; this tells it the city's "today" (the app clock and time zone, not the database server's) as the
     * effective date of this transaction's changes. Connections are dated by their connectedOn regardless.
     */
    static void datesStatusChanges(Handle h, LocalDate effectiveOn) {
        h.attach(NetworkNodeDao.class).setEffectiveDate(effectiveOn.toString());
    }

    // ---- liaisons

    public List<Liaison> liaisonHistory(String unitCode) {
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            return h.attach(LiaisonDao.class).history(unitCode);
        });
    }

    /** Replaces the current liaison officer; the previous record is closed, never deleted. */
    public Liaison putLiaison(String unitCode, LiaisonRequest request) {
        checkPathMatches("unitCode", unitCode, request.unitCode());
        LiaisonRequest withUnit = new LiaisonRequest(unitCode, request.name(), request.phone(), request.email(),
                request.since());
        RegistryValidator.Checked<LiaisonRequest> checked = RegistryValidator.liaison(withUnit, today());
        ValidationException.throwIfAny(checked.errors());
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            return replaceLiaison(h, checked.value()).orElseGet(
                    () -> h.attach(LiaisonDao.class).findCurrent(unitCode).orElseThrow());
        });
    }

    public void endLiaison(String unitCode) {
        jdbi.useTransaction(h -> {
            requireUnit(h, unitCode);
            if (h.attach(LiaisonDao.class).closeCurrent(unitCode, today()) == 0) {
                throw new NotFoundException(Messages.get("error.registry.noLiaison", unitCode));
            }
        });
    }

    /**
     * Makes {@code l} the unit's current officer. Returns empty when the current officer already has exactly these
     * details (so that importing the same file twice changes nothing).
     */
    static java.util.Optional<Liaison> replaceLiaison(Handle h, LiaisonRequest l) {
        LiaisonDao liaisons = h.attach(LiaisonDao.class);
        java.util.Optional<Liaison> current = liaisons.findCurrent(l.unitCode());
        if (current.isPresent() && sameOfficer(current.get(), l)) {
            return java.util.Optional.empty();
        }
        if (current.isPresent()) {
            if (l.since().isBefore(current.get().since())) {
                throw new ValidationException(List.of(FieldError.of("since",
                        Messages.get("error.registry.sinceBeforeCurrent", current.get().since()))));
            }
            liaisons.closeCurrent(l.unitCode(), l.since());
        }
        long id = liaisons.insert(l.unitCode(), l.name(), l.phone(), l.email(), l.since());
        return liaisons.history(l.unitCode()).stream().filter(x -> x.id() == id).findFirst();
    }

    static boolean sameOfficer(Liaison current, LiaisonRequest l) {
        return current.name().equals(l.name()) && Objects.equals(current.phone(), l.phone())
                && Objects.equals(current.email(), l.email()) && current.since().equals(l.since());
    }

    // ---- liaison change requests (a department asks, the office decides; approval replaces the officer)

    /** Units that have no current liaison officer, flagged for the office (信息报送机制). */
    public List<MissingLiaison> missingLiaisons() {
        return jdbi.inTransaction(h -> {
            Set<String> current = new HashSet<>();
            h.attach(LiaisonDao.class).findAllCurrent().forEach(l -> current.add(l.unitCode()));
            Set<String> pending = new HashSet<>();
            h.attach(LiaisonRequestDao.class).byStatus(ReviewStatus.PENDING.name())
                    .forEach(r -> pending.add(r.unitCode()));
            List<MissingLiaison> out = new ArrayList<>();
            for (Unit u : h.attach(UnitDao.class).findAll()) {
                if (current.contains(u.code())) {
                    continue;
                }
                Liaison last = h.attach(LiaisonDao.class).history(u.code()).stream().findFirst().orElse(null);
                out.add(new MissingLiaison(u.code(), u.name(), u.kind(), u.peerGroup(),
                        last == null ? null : last.name(), last == null ? null : last.untilDate(),
                        pending.contains(u.code())));
            }
            return out;
        });
    }

    public LiaisonChange submitLiaisonRequest(String unitCode, LiaisonChangeRequest request, String actor) {
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            LiaisonRequest l = checkedLiaisonChange(unitCode, request);
            String reason = trimmed(request.reason(), "reason");
            h.attach(LiaisonDao.class).findCurrent(unitCode).ifPresent(current -> {
                if (l.since().isBefore(current.since())) {
                    throw new ValidationException(List.of(FieldError.of("since",
                            Messages.get("error.registry.sinceBeforeCurrent", current.since()))));
                }
            });
            LiaisonRequestDao requests = h.attach(LiaisonRequestDao.class);
            long id = requests.insert(unitCode, l.name(), l.phone(), l.email(), l.since(), reason, actor);
            return requests.find(id).orElseThrow();
        });
    }

    public List<LiaisonChange> liaisonRequests(String unitCode) {
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            return h.attach(LiaisonRequestDao.class).byUnit(unitCode);
        });
    }

    public List<LiaisonChange> liaisonRequestsByStatus(ReviewStatus status) {
        return jdbi.withExtension(LiaisonRequestDao.class, d -> d.byStatus(status == null ? null : status.name()));
    }

    /** Approves and applies the request in one transaction: if the replacement is refused, nothing is approved. */
    public LiaisonChange approveLiaisonRequest(long id, ReviewDecision decision, String actor) {
        return decideLiaisonRequest(id, decision, ReviewStatus.APPROVED, actor);
    }

    public LiaisonChange rejectLiaisonRequest(long id, ReviewDecision decision, String actor) {
        return decideLiaisonRequest(id, decision, ReviewStatus.REJECTED, actor);
    }

    private LiaisonChange decideLiaisonRequest(long id, ReviewDecision decision, ReviewStatus outcome, String actor) {
        LiaisonChange decided = jdbi.inTransaction(h -> {
            LiaisonRequestDao requests = h.attach(LiaisonRequestDao.class);
            return Reviews.decide(new Reviews.Submissions<>(requests::lock, LiaisonChange::status, requests::review,
                            i -> requests.find(i).orElseThrow()), id, decision, outcome, actor,
                    Messages.get("error.registry.liaisonRequest"),
                    () -> liaisonRequestNotFound(id),
                    change -> replaceLiaison(h, checkedLiaisonChange(change.unitCode(), new LiaisonChangeRequest(
                            change.name(), change.phone(), change.email(), change.since(), change.reason(),
                            change.submittedBy()))));
        });
        ReviewOutcomeListener.afterCommit(approvals, outcome, decided.unitCode());
        return decided;
    }

    private LiaisonRequest checkedLiaisonChange(String unitCode, LiaisonChangeRequest r) {
        RegistryValidator.Checked<LiaisonRequest> checked = RegistryValidator.liaison(
                new LiaisonRequest(unitCode, r.name(), r.phone(), r.email(), r.since()), today());
        ValidationException.throwIfAny(checked.errors());
        return checked.value();
    }

    private static String trimmed(String value, String field) {
        String t = RegistryValidator.trim(value);
        if (t != null && t.length() > 500) {
            throw new ValidationException(List.of(FieldError.of(field, Messages.get("error.field.tooLong", 500))));
        }
        return t;
    }

    private static NotFoundException liaisonRequestNotFound(long id) {
        return new NotFoundException(Messages.get("error.registry.liaisonRequestNotFound", id));
    }

    private static void checkPathMatches(String field, String fromPath, String fromBody) {
        if (fromBody != null && !fromBody.strip().equals(fromPath)) {
            throw new ValidationException(List.of(FieldError.of(field, Messages.get("error.registry.codeMismatch"))));
        }
    }

    static String[] array(List<String> values) {
        return new ArrayList<>(values).toArray(new String[0]);
    }
}
