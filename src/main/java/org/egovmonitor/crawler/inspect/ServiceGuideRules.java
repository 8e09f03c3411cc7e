package org.egovmonitor.crawler.inspect;

import java.util.List;
import org.egovmonitor.platform.RuleProblems;

/**
 * The {@code serviceGuide:} block of {@code crawlers/checks.yml}: 办事指南要素（service-guide elements）.
 *
 * @param enabled false turns the group's checks off (they are then not run, not reported, not scored)
 */
public record ServiceGuideRules(Boolean enabled) {

    /** The file's own checks of this block; {@code field} is its path in the file. */
    void validate(String field, RuleProblems problems) {
        if (enabled == null) {
            problems.add(field + ".enabled", "缺少此项（true 或 false）");
        }
    }

    /** The checks of this group, built from the block. */
    List<SiteCheck> checks() {
        return List.of();
    }
}
