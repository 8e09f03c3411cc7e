package org.egovmonitor.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.jobs.CrawlRounds;
import org.egovmonitor.jobs.JobsService;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.reviews.Reviews;
import org.egovmonitor.scoring.AlertRow;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingExclusionDao;
import org.egovmonitor.scoring.FindingKey;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.scoring.Indicator;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.Scorecard;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The office's working loop on findings: issue 整改 tasks from a snapshot's findings, take the department's reply,
 * re-check the unit's sites on demand (a crawl round of that unit), close a task
 * whose finding is gone (销号) or send it back with the new evidence ({@link RecheckFollowUp}), and decide appeals (申诉) through the one
 * review flow. Every step is a timeline row.
 *
 * <p>A department passes its unit code ({@code unit}); the office passes null and reaches every unit. A task or
 * appeal of another unit is "not found" to a department, so it cannot even learn that the id exists.
 */
public class RectificationService {

    static final int MAX_TEXT = 2000;
    static final String SYSTEM = Messages.get("step.rectification.system");

    private final Jdbi jdbi;
    private final ScoreSnapshotService scoring;
    private final JobsService jobs;
    private final Clock clock;

    public RectificationService(Jdbi jdbi, ScoreSnapshotService scoring, JobsService jobs, Clock clock) {
        this.jdbi = jdbi;
        this.scoring = scoring;
        this.jobs = jobs;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- issuing

    /** A unit's finding of a stored day. */
    private record UnitFinding(String unitCode, LocalDate day, Finding finding) {
    }

    /** Tasks for the listed findings of the units' latest snapshot; the evidence is copied from the snapshot. */
    public IssueResult issue(Requests.Issue request, String actor) {
        if (request.findings() == null || request.findings().isEmpty()) {
            throw new ValidationException(List.of(FieldError.of("findings",
                    Messages.get("error.rectification.noFinding"))));
        }
        Map<String, Scorecard> cards = new HashMap<>();
        List<UnitFinding> chosen = new ArrayList<>();
        for (int i = 0; i < request.findings().size(); i++) {
            Requests.FindingRef ref = request.findings().get(i);
            String field = "findings[" + i + "]";
            if (ref == null || ref.unitCode() == null || ref.indicator() == null || ref.kind() == null) {
                throw new ValidationException(List.of(FieldError.of(field,
                        Messages.get("error.rectification.findingRef"))));
            }
            Scorecard card = cards.computeIfAbsent(ref.unitCode(), code -> scoring.scorecard(code, null));
            FindingKey key = new FindingKey(ref.indicator(), ref.kind(), ref.siteUrl(), ref.evidenceUrl());
            Finding finding = card.score().findings().stream().filter(key::matches).findFirst()
                    .orElseThrow(() -> new ValidationException(List.of(FieldError.of(field,
                            Messages.get("error.rectification.findingGone", card.day())))));
            chosen.add(new UnitFinding(ref.unitCode(), card.day(), finding));
        }
        return issueAll(chosen, request.deadline(), request.note(), actor);
    }

    /** A task for every veto of every vetoed unit of the latest snapshot ("all vetoed units"). */
    public IssueResult issueToVetoed(Requests.IssueVetoed request, String actor) {
        List<UnitFinding> vetoes = new ArrayList<>();
        for (AlertRow row : scoring.warnings(null, null, true)) {
            if (row.finding().kind() == FindingKind.VETO) {
                vetoes.add(new UnitFinding(row.unitCode(), row.day(), row.finding()));
            }
        }
        return issueAll(vetoes, request.deadline(), request.note(), actor);
    }

    private IssueResult issueAll(List<UnitFinding> findings, LocalDate deadline, String note, String actor) {
        if (deadline == null) {
            throw new ValidationException(List.of(FieldError.of("deadline",
                    Messages.get("error.rectification.deadlineRequired"))));
        }
        if (deadline.isBefore(today())) {
            throw new ValidationException(List.of(FieldError.of("deadline",
                    Messages.get("error.rectification.deadlinePast"))));
        }
        String cleanNote = text("note", note, false);
        return jdbi.inTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            List<RectificationTask> issued = new ArrayList<>();
            List<RectificationTask> open = new ArrayList<>();
            for (UnitFinding uf : findings) {
                Finding f = uf.finding();
                List<Long> existing = dao.openTasksFor(uf.unitCode(), FindingKey.of(f));
                if (!existing.isEmpty()) {
                    open.add(dao.task(existing.get(0), today()).orElseThrow());
                    continue;
                }
                String name = scoring.catalogue().indicator(f.indicator()).map(Indicator::name).orElse(f.indicator());
                long id = dao.insertTask(uf.unitCode(), f, name, f.evidence() == null ? Evidence.NONE : f.evidence(),
                        uf.day(), deadline, cleanNote, actor);
                dao.step(uf.unitCode(), id, null, StepKind.ISSUED, actor, cleanNote == null
                        ? Messages.get("step.rectification.issued", deadline)
                        : Messages.get("step.rectification.issuedWithNote", deadline, cleanNote));
                issued.add(dao.task(id, today()).orElseThrow());
            }
            return new IssueResult(issued, open);
        });
    }

    // ---- reading

    public List<RectificationTask> tasks(String unit, TaskStatus status, boolean overdueOnly) {
        return jdbi.withExtension(RectificationDao.class, d -> d.tasks(null, unit, status, overdueOnly, today()));
    }

    public RectificationTask task(String unit, long id) {
        return jdbi.withExtension(RectificationDao.class, d -> own(d, unit, id));
    }

    private RectificationTask own(RectificationDao dao, String unit, long id) {
        return dao.task(id, today()).filter(t -> unit == null || t.unitCode().equals(unit))
                .orElseThrow(() -> new NotFoundException(Messages.get("error.rectification.taskNotFound", id)));
    }

    /**
     * The task's steps in order, its appeals' steps included, with the computed overdue step (the day after the
     * deadline) when it is overdue or was closed late.
     */
    public List<TimelineStep> timeline(String unit, long id) {
        return jdbi.withExtension(RectificationDao.class, d -> {
            RectificationTask t = own(d, unit, id);
            List<TimelineStep> steps = new ArrayList<>(d.steps(id, null, null));
            Instant dueEnd = t.deadline().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
            if (t.overdue() || t.closedAt() != null && t.closedAt().isAfter(dueEnd)) {
                steps.add(new TimelineStep(null, id, null, t.unitCode(), StepKind.OVERDUE, SYSTEM,
                        Messages.get("step.rectification.overdue", t.deadline()), dueEnd));
                steps.sort(Comparator.comparing(TimelineStep::at));
            }
            return steps;
        });
    }

    // ---- the department's side

    public RectificationTask reply(String unit, long id, Requests.Reply body, String actor) {
        String reply = text("text", body == null ? null : body.text(), true);
        return jdbi.inTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            RectificationTask t = lockOwn(dao, unit, id);
            requireAwaitingDepartment(t, Messages.get("error.rectification.action.reply"));
            dao.reply(id, reply);
            dao.step(t.unitCode(), id, null, StepKind.REPLIED, actor, reply);
            return dao.task(id, today()).orElseThrow();
        });
    }

    /**
     * Re-measures the task's unit now (a crawl round of its sites) and marks the task as being re-checked; the
     * round's follow-up settles it ({@link RecheckFollowUp}). The task is marked first, so that however quickly the
     * round finishes, its follow-up finds it.
     *
     * @throws org.egovmonitor.jobs.RoundRunningException when a crawl round is running (409)
     */
    public RectificationTask requestRecheck(String unit, long id, String actor) {
        RectificationTask before = jdbi.inTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            RectificationTask t = lockOwn(dao, unit, id);
            requireAwaitingDepartment(t, Messages.get("error.rectification.action.recheck"));
            dao.setStatus(id, TaskStatus.RECHECKING);
            dao.step(t.unitCode(), id, null, StepKind.RECHECK_REQUESTED, actor, null);
            return t;
        });
        CrawlRounds.Started round;
        try {
            round = jobs.startUnitRound(before.unitCode(), "RECHECK");
        } catch (RuntimeException e) {
            jdbi.useTransaction(h -> {
                RectificationDao dao = h.attach(RectificationDao.class);
                dao.setStatus(id, before.status());
                dao.step(before.unitCode(), id, null, StepKind.RECHECK_FINISHED, SYSTEM,
                        Messages.get("step.rectification.recheckFailed", e.getMessage()));
            });
            throw e;
        }
        return jdbi.inTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            dao.recordRecheckRound(before.unitCode(), round.roundId(), round.runId());
            if (dao.recheckingTasks(before.unitCode()).contains(id)) {
                dao.step(before.unitCode(), id, null, StepKind.RECHECK_STARTED, SYSTEM,
                        Messages.get("step.rectification.recheckStarted", round.roundId(), round.total()));
            }
            return dao.task(id, today()).orElseThrow();
        });
    }

    // ---- appeals

    public FindingAppeal appeal(String unit, Requests.Appeal body, String actor) {
        if (body == null) {
            throw new ValidationException(List.of(FieldError.of("body",
                    Messages.get("error.rectification.noAppealBody"))));
        }
        String reason = text("reason", body.reason(), true);
        return jdbi.inTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            FindingKey key;
            String message;
            if (body.taskId() != null) {
                RectificationTask t = own(dao, unit, body.taskId());
                if (t.status() == TaskStatus.CLOSED) {
                    throw new ConflictException(Messages.get("error.rectification.closedNoAppeal"));
                }
                key = t.key();
                message = t.message();
            } else {
                if (body.indicator() == null || body.kind() == null) {
                    throw new ValidationException(List.of(FieldError.of("indicator",
                            Messages.get("error.rectification.appealRef"))));
                }
                key = new FindingKey(body.indicator(), body.kind(), body.siteUrl(), body.evidenceUrl());
                Scorecard card = scoring.scorecard(unit, null);
                message = card.score().findings().stream().filter(key::matches).findFirst().map(Finding::message)
                        .orElseThrow(() -> new ValidationException(List.of(FieldError.of("indicator",
                                Messages.get("error.rectification.ownFindingGone", card.day())))));
            }
            if (dao.pendingAppealFor(unit, key)) {
                throw new ConflictException(Messages.get("error.rectification.appealPending"));
            }
            long id = dao.insertAppeal(unit, body.taskId(), key, message, reason, actor);
            dao.step(unit, body.taskId(), id, StepKind.APPEAL_FILED, actor, reason);
            return dao.appeal(id).orElseThrow();
        });
    }

    public List<FindingAppeal> appeals(String unit, ReviewStatus status) {
        return jdbi.withExtension(RectificationDao.class, d -> d.appeals(null, unit, status));
    }

    /**
     * Accepts an appeal: from today the finding is left out of the unit's score, open tasks for it are closed, and
     * today's score of the unit is computed again.
     */
    public FindingAppeal accept(long id, ReviewDecision decision, String reviewer) {
        FindingAppeal accepted = jdbi.inTransaction(h -> decide(h, id, decision, ReviewStatus.APPROVED, reviewer));
        scoring.rescoreUnit(accepted.unitCode(), today());
        return accepted;
    }

    public FindingAppeal reject(long id, ReviewDecision decision, String reviewer) {
        return jdbi.inTransaction(h -> decide(h, id, decision, ReviewStatus.REJECTED, reviewer));
    }

    private FindingAppeal decide(Handle h, long id, ReviewDecision decision, ReviewStatus outcome, String reviewer) {
        RectificationDao dao = h.attach(RectificationDao.class);
        FindingAppeal decided = Reviews.decide(new Reviews.Submissions<>(dao::lockAppeal, FindingAppeal::status,
                        dao::reviewAppeal, a -> dao.appeal(a).orElseThrow()), id, decision, outcome, reviewer,
                Messages.get("error.rectification.appeal"),
                () -> new NotFoundException(Messages.get("error.rectification.appealNotFound", id)), appeal -> {
                    h.attach(FindingExclusionDao.class).insert(appeal.unitCode(), appeal.key(), today(),
                            Messages.get("step.rectification.exclusion", id, appeal.reason()));
                    for (long taskId : dao.openTasksFor(appeal.unitCode(), appeal.key())) {
                        dao.close(taskId);
                        dao.step(appeal.unitCode(), taskId, id, StepKind.CLOSED, reviewer,
                                Messages.get("step.rectification.appealAccepted"));
                    }
                });
        dao.step(decided.unitCode(), decided.taskId(), id, outcome == ReviewStatus.APPROVED
                ? StepKind.APPEAL_ACCEPTED : StepKind.APPEAL_REJECTED, reviewer, decided.reviewComment());
        return decided;
    }

    // ---- helpers

    private RectificationTask lockOwn(RectificationDao dao, String unit, long id) {
        RectificationTask t = own(dao, unit, id);
        dao.lockTask(id);
        return dao.task(id, today()).orElseThrow();
    }

    private static void requireAwaitingDepartment(RectificationTask t, String action) {
        if (!t.status().awaitsDepartment()) {
            throw new ConflictException(Messages.get("error.rectification.wrongState", t.status().label(), action));
        }
    }

    /** Stripped text of at most {@link #MAX_TEXT} characters; null when blank and not required. */
    static String text(String field, String value, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new ValidationException(List.of(FieldError.of(field, Messages.get("error.field.required"))));
            }
            return null;
        }
        if (v.length() > MAX_TEXT) {
            throw new ValidationException(List.of(FieldError.of(field, Messages.get("error.field.tooLong", MAX_TEXT))));
        }
        return v;
    }
}
