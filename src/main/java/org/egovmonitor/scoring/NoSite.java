package org.egovmonitor.scoring;

import java.util.List;

/**
 * A unit that owns no monitored site, in a peer group whose {@code noSite} policy is ZERO: its site-based indicators
 * are {@link IndicatorState#NO_SITE} at zero points, and what it lost is reported once, under the pseudo-indicator
 * {@link #ID} — one finding (未建网站) with the catalogue's {@code noSiteHint}, and 未建网站 as its bottleneck —
 * rather than as one "site down" finding per indicator, whose fix hints (servers, DNS) would not apply.
 */
public final class NoSite {

    /** The pseudo-indicator id of the finding and the bottleneck; never the id of a catalogue indicator. */
    public static final String ID = "no_site";

    /** The indicator group the lost points are shown under (the site indicators' own groups vary). */
    public static final String GROUP = "网站建设";

    private NoSite() {
    }

    /** 未建网站, as shown for the finding, the bottleneck and the charts' bucket. */
    public static String name() {
        return IndicatorState.NO_SITE.label();
    }

    /** Points lost for lack of a site: the weight of the NO_SITE results. */
    static double shortfall(List<IndicatorResult> results) {
        return Judgement.round(results.stream().filter(r -> r.state() == IndicatorState.NO_SITE)
                .mapToDouble(IndicatorResult::shortfall).sum());
    }

    /** The one finding for all NO_SITE results (which must not be empty). */
    static Finding finding(List<IndicatorResult> results, String hint) {
        List<String> names = results.stream().filter(r -> r.state() == IndicatorState.NO_SITE)
                .map(IndicatorResult::name).toList();
        double lost = shortfall(results);
        return new Finding(ID, FindingKind.DEDUCTION, lost, "登记册中无本单位受监测的网站或网页",
                "应建有网站（或在上级网站开设网页）并登记监测",
                "未建网站：" + String.join("、", names) + " 共 " + names.size() + " 项（" + Judgement.num(lost)
                        + " 分）不得分", hint, null, Evidence.NONE);
    }
}
