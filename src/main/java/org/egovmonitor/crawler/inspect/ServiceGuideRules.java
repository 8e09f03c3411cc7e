package org.egovmonitor.crawler.inspect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.platform.RuleProblems;

/**
 * The {@code serviceGuide:} block of {@code crawlers/checks.yml}: 办事指南要素（service-guide elements）.
 *
 * @param enabled       false turns the group's checks off (they are then not run, not reported, not scored)
 * @param families      section families whose entries are service guides (sections.yml ids), in order of preference
 * @param sampleGuides  guide pages judged per site at most
 * @param maxIndexPages pages read per site that turn out to be lists of guides (a column index whose entries are
 *                      sub-lists, or a guide section whose own list gave no entries); their links are sampled instead
 * @param minLinkChars  a link on such an index page is taken as a guide (or sub-list) only with at least this many
 *                      characters of text: pager links (下一页, 2, 尾页) are shorter
 * @param maxLabelChars the longest a label may be (its synonym and a short tail such as 及依据, before the colon);
 *                      a longer line is running text, not a label
 * @param maxTextChars  the text of a guide page read at most (hostile pages may be huge)
 * @param elements      the elements a guide must state, each with the labels guides write for it
 */
public record ServiceGuideRules(Boolean enabled, List<String> families, Integer sampleGuides, Integer maxIndexPages,
                                Integer minLinkChars, Integer maxLabelChars, Integer maxTextChars,
                                List<Element> elements) {

    /**
     * One element of a guide.
     *
     * @param id       stable id (basis, materials …)
     * @param name     its name in the national rules, shown in findings (设定依据); always a label of it too
     * @param synonyms other labels real guides use for it (办理依据, 法律依据 …)
     */
    public record Element(String id, String name, List<String> synonyms) {

        /** The name and every synonym, whitespace removed (guides space labels out to align them: 地　　点). */
        List<String> labels() {
            List<String> all = new java.util.ArrayList<>();
            all.add(GuideLabels.squeeze(name));
            if (synonyms != null) {
                synonyms.forEach(s -> all.add(GuideLabels.squeeze(s)));
            }
            return all.stream().distinct().toList();
        }
    }

    /** The file's own checks of this block; {@code field} is its path in the file. */
    void validate(String field, RuleProblems problems) {
        if (enabled == null) {
            problems.add(field + ".enabled", "缺少此项（true 或 false）");
        }
        if (families == null || families.isEmpty() || families.stream().anyMatch(f -> f == null || f.isBlank())) {
            problems.add(field + ".families", "必须是栏目族 id 的非空列表（见 sections.yml，如 service_guide）");
        }
        positive(sampleGuides, field + ".sampleGuides", 1, problems);
        positive(maxIndexPages, field + ".maxIndexPages", 0, problems);
        positive(minLinkChars, field + ".minLinkChars", 1, problems);
        positive(maxLabelChars, field + ".maxLabelChars", 2, problems);
        positive(maxTextChars, field + ".maxTextChars", 1000, problems);
        if (elements == null || elements.isEmpty()) {
            problems.add(field + ".elements", "至少要列出一个要素");
            return;
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> labelOwner = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            String at = field + ".elements[" + i + "]";
            if (e == null) {
                problems.add(at, "不能为空");
                continue;
            }
            if (e.id() == null || !e.id().matches("[A-Za-z][A-Za-z0-9_]*")) {
                problems.add(at + ".id", "必须是由字母、数字或 _ 组成的名称，实为 " + e.id());
            } else if (!ids.add(e.id())) {
                problems.add(at + ".id", "要素 id " + e.id() + " 重复");
            }
            if (e.name() == null || GuideLabels.squeeze(e.name()).isEmpty()) {
                problems.add(at + ".name", "缺少此项（要素的中文名称）");
                continue;
            }
            if (e.synonyms() != null && e.synonyms().stream()
                    .anyMatch(s -> s == null || GuideLabels.squeeze(s).isEmpty())) {
                problems.add(at + ".synonyms", "必须是非空词语的列表");
                continue;
            }
            for (String label : e.labels()) {
                String owner = labelOwner.putIfAbsent(label, e.name());
                if (owner != null && !owner.equals(e.name())) {
                    problems.add(at + ".synonyms", "“" + label + "”已是要素“" + owner + "”的写法，不能两个要素共用");
                }
                if (maxLabelChars != null && label.length() > maxLabelChars) {
                    problems.add(at + ".synonyms", "“" + label + "”比 maxLabelChars（" + maxLabelChars
                            + " 字）还长，永远不会被认作标签");
                }
            }
        }
    }

    private static void positive(Integer value, String field, int min, RuleProblems problems) {
        if (value == null || value < min) {
            problems.add(field, "必须是不小于 " + min + " 的整数，实为 " + value);
        }
    }

    /** The checks of this group, built from the block. */
    List<SiteCheck> checks() {
        return Boolean.TRUE.equals(enabled) ? List.of(new ServiceGuideCheck(this)) : List.of();
    }
}
