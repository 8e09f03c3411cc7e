package org.egovmonitor.reviews;

import java.util.List;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.errors.ValidationException;

/** The approve/reject rules shared by self-reports and liaison change requests. */
public final class Reviews {

    static final int MAX_COMMENT = 500;

    private Reviews() {
    }

    /** The comment to store: required (non-blank) when rejecting, optional when approving. */
    public static String comment(ReviewDecision decision, ReviewStatus outcome) {
        String comment = decision == null || decision.comment() == null ? null : decision.comment().strip();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (outcome == ReviewStatus.REJECTED && comment == null) {
            throw new ValidationException(List.of(FieldError.of("comment", "退回时必须填写审核意见")));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ValidationException(List.of(FieldError.of("comment", "长度不能超过 " + MAX_COMMENT)));
        }
        return comment;
    }

    /** Only a pending submission can be decided; deciding twice is a conflict, not a silent no-op. */
    public static void requirePending(ReviewStatus current, String what) {
        if (current != ReviewStatus.PENDING) {
            throw new ConflictException(what + "已审核（" + current.label() + "），不能重复审核");
        }
    }
}
