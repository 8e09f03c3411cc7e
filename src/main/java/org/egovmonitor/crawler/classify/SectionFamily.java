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
 * @param shortLabels  one- or two-character menu labels (新闻, 公开, 互动) that name this family only as a link's whole
 *                     text, never inside a longer text
 * @param urlHints     column directory or file names (zwgk, tzgg, hdjl) that name this family in a link's URL, used
 *                     when the link's text names no family
 */
public record SectionFamily(String id, String name, List<String> synonyms, Integer windowDays, boolean shouldUpdate,
                            boolean thematic, List<String> shortLabels, List<String> urlHints) {

    public SectionFamily {
        synonyms = List.copyOf(synonyms);
        shortLabels = shortLabels == null ? List.of() : List.copyOf(shortLabels);
        urlHints = urlHints == null ? List.of() : List.copyOf(urlHints);
    }
}
