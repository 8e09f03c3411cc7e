package org.egovmonitor.reviews;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import java.util.List;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;

/**
 * The one approve/reject flow of submissions (LAN/OA self-reports, liaison change requests): lock the submission,
 * require it pending, check the comment, apply an approval, record the decision, read the result back — all inside
 * the caller's transaction, so an approval whose effect is refused records nothing.
 */
public final class Reviews {

    static final int MAX_COMMENT = 500;

    private Reviews() {
    }

    /**
     * One kind of submission as the flow sees it, bound to the deciding transaction.
     *
     * @param lock   the submission, row-locked so that two reviewers cannot both decide it
     * @param status its review status
     * @param record stores the decision: (id, status name, reviewer, comment)
     * @param reload the submission as stored after the decision
     */
    public record Submissions<T>(LongFunction<Optional<T>> lock, Function<T, ReviewStatus> status, Recorder record,
                                 LongFunction<T> reload) {
    }

    @FunctionalInterface
    public interface Recorder {
        void record(long id, String status, String reviewer, String comment);
    }

    /**
     * Decides submission {@code id}.
     *
     * @param what       how the submission is named in the conflict message, e.g. "该自报"
     * @param onApproval what approving does besides recording it (nothing for a self-report)
     */
    public static <T> T decide(Submissions<T> submissions, long id, ReviewDecision decision, ReviewStatus outcome,
                               String reviewer, String what, Supplier<? extends RuntimeException> notFound,
                               Consumer<T> onApproval) {
        T submission = submissions.lock().apply(id).orElseThrow(notFound);
        requirePending(submissions.status().apply(submission), what);
        String comment = comment(decision, outcome);
        if (outcome == ReviewStatus.APPROVED) {
            onApproval.accept(submission);
        }
        submissions.record().record(id, outcome.name(), reviewer, comment);
        return submissions.reload().apply(id);
    }

    /** The comment to store: required (non-blank) when rejecting, optional when approving. */
    static String comment(ReviewDecision decision, ReviewStatus outcome) {
        String comment = decision == null || decision.comment() == null ? null : decision.comment().strip();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (outcome == ReviewStatus.REJECTED && comment == null) {
            throw new ValidationException(List.of(FieldError.of("comment",
                    Messages.get("error.review.commentRequired"))));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ValidationException(List.of(FieldError.of("comment",
                    Messages.get("error.field.tooLong", MAX_COMMENT))));
        }
        return comment;
    }

    /** Only a pending submission can be decided; deciding twice is a conflict, not a silent no-op. */
    static void requirePending(ReviewStatus current, String what) {
        if (current != ReviewStatus.PENDING) {
            throw new ConflictException(Messages.get("error.review.alreadyReviewed", what, current.label()));
        }
    }
}
