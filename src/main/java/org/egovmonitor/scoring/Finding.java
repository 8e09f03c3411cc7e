package org.egovmonitor.scoring;

/**
 * One lost point (or veto, or warning) with its evidence and how to fix it.
 *
 * @param indicator indicator id
 * @param kind      deduction, veto or warning
 * @param points    points lost by this finding (0 for vetoes and warnings; a veto's points are in its deductions)
 * @param observed  what was seen, in words (e.g. 首页最新信息 2024-05-01（距评分日 21 天）)
 * @param threshold the line it crossed (e.g. 超过 14 天未更新即否决)
 * @param message   the Chinese sentence shown to the unit
 * @param hint      what to do about it (Chinese), from the catalogue
 * @param siteUrl   the site it concerns, or null for unit-level indicators
 */
public record Finding(String indicator, FindingKind kind, double points, String observed, String threshold,
                      String message, String hint, String siteUrl, Evidence evidence) {
}
