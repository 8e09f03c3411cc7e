package org.egovmonitor.scoring;

import org.egovmonitor.platform.Messages;

/**
 * Whether an indicator was scored for a unit. SCORED indicators count toward the total, and so do NO_SITE ones (at
 * zero points); NOT_APPLICABLE and NO_DATA are left out.
 */
public enum IndicatorState {
    /** Judged on evidence; points and shortfall are meaningful. */
    SCORED,
    /** The indicator does not apply to this unit (peer group, unit kind, a township without a page …). */
    NOT_APPLICABLE,
    /** It applies but there is no evidence (未监测 / 无数据): left out of the total, which is re-normalised. */
    NO_DATA,
    /**
     * A site-based indicator of a unit that owns no monitored site, in a peer group whose {@code noSite} policy is
     * ZERO: counted at zero points. The unit gets one finding for all of them ({@link NoSite}), not one per
     * indicator, and its bottleneck is 未建网站.
     */
    NO_SITE;

    /** True when the indicator's weight counts in the total (points kept, or lost for lack of a site). */
    public boolean counted() {
        return this == SCORED || this == NO_SITE;
    }

    public String label() {
        return Messages.label(this);
    }
}
