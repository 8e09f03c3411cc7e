package org.egovmonitor.rectification;

/** One step of a task's or an appeal's timeline. */
public enum StepKind {
    ISSUED("下发整改"),
    REPLIED("单位答复"),
    RECHECK_REQUESTED("申请复查"),
    RECHECK_STARTED("复查开始"),
    RECHECK_FINISHED("复查完成"),
    CLOSED("销号"),
    RETURNED("退回整改"),
    OVERDUE("逾期"),
    APPEAL_FILED("提出申诉"),
    APPEAL_ACCEPTED("申诉采纳"),
    APPEAL_REJECTED("申诉驳回");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
