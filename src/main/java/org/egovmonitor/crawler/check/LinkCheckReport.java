package org.egovmonitor.crawler.check;

import java.util.List;

/**
 * One link-check run.
 *
 * @param results one result per distinct link checked, in the order the links were given
 * @param skipped distinct links not checked because the run's limit was reached
 */
public record LinkCheckReport(List<LinkCheckResult> results, int skipped) {

    public LinkCheckReport {
        results = List.copyOf(results);
    }

    public List<LinkCheckResult> broken() {
        return results.stream().filter(LinkCheckResult::broken).toList();
    }
}
