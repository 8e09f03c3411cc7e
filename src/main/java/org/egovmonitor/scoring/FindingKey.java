package org.egovmonitor.scoring;

import java.util.Objects;

/**
 * What names one finding across days: its indicator, its kind, the site it concerns and the page of its evidence.
 * The words of a finding (days since the last update, a failure rate) change from day to day; these do not, so a
 * rectification task or an appeal can ask whether "the same" finding is still there on a later day.
 */
public record FindingKey(String indicator, FindingKind kind, String siteUrl, String evidenceUrl) {

    public FindingKey {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
    }

    public static FindingKey of(Finding finding) {
        return new FindingKey(finding.indicator(), finding.kind(), finding.siteUrl(),
                finding.evidence() == null ? null : finding.evidence().url());
    }

    public boolean matches(Finding finding) {
        return equals(of(finding));
    }
}
