package org.egovmonitor.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.egovmonitor.jobs.ScoreSnapshotJob;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.UnitScore;
import org.jdbi.v3.core.Jdbi;

/**
 * The snapshot job's work after a crawl round: a re-check round (one unit's sites, with tasks of that unit being
 * re-checked) re-scores that unit and settles its tasks; any other round goes on to the usual follow-up (the whole
 * day). It needs no scheduling of its own, so it is made before the scheduling that runs it.
 */
public final class RecheckFollowUp implements ScoreSnapshotJob.Task {

    private final Jdbi jdbi;
    private final ScoreSnapshotService scoring;
    private final Clock clock;
    private final ScoreSnapshotJob.Task otherRounds;

    public RecheckFollowUp(Jdbi jdbi, ScoreSnapshotService scoring, Clock clock, ScoreSnapshotJob.Task otherRounds) {
        this.jdbi = jdbi;
        this.scoring = scoring;
        this.clock = clock;
        this.otherRounds = otherRounds;
    }

    @Override
    public String snapshot(Long roundId) throws Exception {
        if (roundId != null) {
            Optional<String> settled = settleRecheck(roundId);
            if (settled.isPresent()) {
                return settled.get();
            }
        }
        return otherRounds.snapshot(roundId);
    }

    /**
     * After a crawl round of one unit: if tasks of that unit are being re-checked, scores the unit for today again
     * (other units' rows unchanged) and closes each task whose finding is gone, or sends it back with the finding as
     * it is now.
     *
     * @return the run's summary, or empty when the round was no re-check
     */
    Optional<String> settleRecheck(long roundId) {
        Optional<String> unit = jdbi.withExtension(RectificationDao.class, d -> d.roundUnit(roundId));
        if (unit.isEmpty() || jdbi.withExtension(RectificationDao.class,
                d -> d.recheckingTasks(unit.get())).isEmpty()) {
            return Optional.empty();
        }
        String code = unit.get();
        UnitScore score = scoring.rescoreUnit(code, LocalDate.now(clock));
        int[] closedReturned = new int[2];
        jdbi.useTransaction(h -> {
            RectificationDao dao = h.attach(RectificationDao.class);
            for (long id : dao.recheckingTasks(code)) {
                RectificationTask t = dao.task(id, LocalDate.now(clock)).orElseThrow();
                dao.step(code, id, null, StepKind.RECHECK_FINISHED, RectificationService.SYSTEM, "复查评分 " + score.total() + " 分（"
                        + score.grade().label() + "）");
                Optional<Finding> still = score.findings().stream().filter(t.key()::matches).findFirst();
                if (still.isEmpty()) {
                    dao.close(id);
                    dao.step(code, id, null, StepKind.CLOSED, RectificationService.SYSTEM, "复查未再发现该问题，自动销号");
                    closedReturned[0]++;
                } else {
                    Finding f = still.get();
                    Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
                    dao.returnWith(id, f, e);
                    dao.step(code, id, null, StepKind.RETURNED, RectificationService.SYSTEM, "问题仍在：" + f.message()
                            + describe(e));
                    closedReturned[1]++;
                }
            }
        });
        return Optional.of("复查 " + code + "：评分 " + score.total() + " 分，" + closedReturned[0] + " 项销号，"
                + closedReturned[1] + " 项退回整改");
    }

    private static String describe(Evidence e) {
        StringBuilder s = new StringBuilder();
        if (e.url() != null) {
            s.append("；证据网址 ").append(e.url());
        }
        if (e.date() != null) {
            s.append("；日期 ").append(e.date());
        }
        if (e.httpStatus() != null) {
            s.append("；HTTP ").append(e.httpStatus());
        }
        return s.toString();
    }

}
