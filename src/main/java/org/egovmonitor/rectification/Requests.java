package org.egovmonitor.rectification;

import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.scoring.FindingKind;

/** The request bodies of the rectification API. */
public final class Requests {

    private Requests() {
    }

    /** A finding of a unit's latest snapshot, named as {@code FindingKey} names it. */
    public record FindingRef(String unitCode, String indicator, FindingKind kind, String siteUrl,
                             String evidenceUrl) {
    }

    /** Tasks for the listed findings, all with one deadline and note. */
    public record Issue(List<FindingRef> findings, LocalDate deadline, String note) {
    }

    /** A task for every veto of every vetoed unit of the latest snapshot. */
    public record IssueVetoed(LocalDate deadline, String note) {
    }

    /** The department's account of what it did. */
    public record Reply(String text) {
    }

    /** An appeal: against a task's finding ({@code taskId}), or against a finding of the latest snapshot. */
    public record Appeal(Long taskId, String indicator, FindingKind kind, String siteUrl, String evidenceUrl,
                         String reason) {
    }
}
