package org.egovmonitor.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingExclusionDao;
import org.egovmonitor.scoring.FindingKey;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.Scorecard;
import org.jdbi.v3.core.Jdbi;

/**
 * The office dismisses a false positive (误报) of a unit's latest score — a word-list hit that is right in its
 * sentence, say — with a reason: like an accepted appeal, the finding is left out of the unit's score from today on
 * ({@code score_exclusions}) and today's score is computed again; the dismissal itself (who, when, why, and the
 * finding's message) is kept and listed. The request is in the audit log like every write.
 */
public class FindingDismissalService {

    private final Jdbi jdbi;
    private final ScoreSnapshotService scoring;
    private final Clock clock;

    public FindingDismissalService(Jdbi jdbi, ScoreSnapshotService scoring, Clock clock) {
        this.jdbi = jdbi;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** A finding to dismiss, named as {@code FindingKey} names it, and why. */
    public record Request(String indicator, org.egovmonitor.scoring.FindingKind kind, String siteUrl,
                          String evidenceUrl, String reason) {
    }

    public FindingDismissal dismiss(String unit, Request body, String actor) {
        String reason = RectificationService.text("reason", body.reason(), true);
        if (body.indicator() == null || body.kind() == null) {
            throw new ValidationException(List.of(FieldError.of("indicator",
                    Messages.get("error.rectification.appealRef"))));
        }
        FindingKey key = new FindingKey(body.indicator(), body.kind(), body.siteUrl(), body.evidenceUrl());
        // Dismissed already: the finding is gone from the score, so say so before looking for it there.
        if (jdbi.withExtension(FindingDismissalDao.class, d -> d.exists(unit, key))) {
            throw new ConflictException(Messages.get("error.rectification.dismissedAlready"));
        }
        Scorecard card = scoring.scorecard(unit, null);
        String message = card.score().findings().stream().filter(key::matches).findFirst().map(Finding::message)
                .orElseThrow(() -> new ValidationException(List.of(FieldError.of("indicator",
                        Messages.get("error.rectification.findingGone", card.day())))));
        LocalDate today = LocalDate.now(clock);
        FindingDismissal saved = jdbi.inTransaction(h -> {
            FindingDismissalDao dao = h.attach(FindingDismissalDao.class);
            if (dao.exists(unit, key)) {
                throw new ConflictException(Messages.get("error.rectification.dismissedAlready"));
            }
            long id = dao.insert(unit, key, message, reason, actor);
            h.attach(FindingExclusionDao.class).insert(unit, key, today,
                    Messages.get("step.rectification.dismissal", id, reason));
            return dao.list(unit).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        });
        scoring.rescoreUnit(unit, today);
        return saved;
    }

    public List<FindingDismissal> dismissals(String unit) {
        return jdbi.withExtension(FindingDismissalDao.class, d -> d.list(unit));
    }
}
