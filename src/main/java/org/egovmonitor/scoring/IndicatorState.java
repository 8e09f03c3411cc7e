package org.egovmonitor.scoring;

/** Whether an indicator was scored for a unit. Only SCORED indicators count toward the total. */
public enum IndicatorState {
    /** Judged on evidence; points and shortfall are meaningful. */
    SCORED("已评分"),
    /** The indicator does not apply to this unit (peer group, unit kind, a township without a page …). */
    NOT_APPLICABLE("不适用"),
    /** It applies but there is no evidence (未监测 / 无数据): left out of the total, which is re-normalised. */
    NO_DATA("无数据");

    private final String label;

    IndicatorState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
