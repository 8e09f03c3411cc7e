package org.egovmonitor.scoring;

/**
 * One indicator of one unit.
 *
 * @param weight    the indicator's weight for the unit's peer group
 * @param points    points kept (weight minus capped deductions); 0 unless SCORED
 * @param shortfall weight − points when SCORED or NO_SITE (all of it), else 0 (NO_DATA and NOT_APPLICABLE lose
 *                  nothing, they are left out)
 * @param observed  the key observation in words (e.g. 7 天探测失败率 2.50%)
 * @param reason    why it is NOT_APPLICABLE or NO_DATA, or which site was judged
 * @param vetoed    the indicator vetoed the unit
 */
public record IndicatorResult(String id, String name, String group, IndicatorState state, double weight,
                              double points, double shortfall, String observed, String reason, boolean vetoed) {
}
