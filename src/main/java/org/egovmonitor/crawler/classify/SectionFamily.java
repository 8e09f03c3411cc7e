package org.egovmonitor.crawler.classify;

import java.util.List;

/**
 * A standard section family (栏目类别), as defined in {@code crawlers/sections.yml}.
 *
 * @param id           stable identifier, e.g. {@code news}, {@code notices}
 * @param name         Chinese name shown to users, e.g. 通知公告
 * @param synonyms     link texts that mean this family (the name is matched as well)
 * @param windowDays   freshness window in days, or null when the family has none
 * @param shouldUpdate whether the family must be updated regularly
 * @param thematic     an optional thematic family (招商, 旅游 ...)
 */
public record SectionFamily(String id, String name, List<String> synonyms, Integer windowDays, boolean shouldUpdate,
                            boolean thematic) {
}
