package org.egovmonitor.crawler.inspect;

/**
 * 机构名称过时: names of bodies replaced in reorganisations ({@code wording.outdatedNames}) in current text. The
 * homepage is current; an article counts only when its list dates it on or after the day the name changed (an older
 * article rightly uses the name of its day; an undated one cannot be told apart and is left out). Deductions.
 */
final class OutdatedNamesCheck implements SiteCheck {

    static final String ID = "outdatedNames";
    static final String CODE = "outdated_name";

    private final WordingRules rules;
    private final WordingSampler sampler;

    OutdatedNamesCheck(WordingRules rules, WordingSampler sampler) {
        this.rules = rules;
        this.sampler = sampler;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        WordingSample sample = sampler.sample(input);
        if (sample.pages().isEmpty()) {
            return CheckResult.notChecked(ID, "没有可读的页面，未检查机构名称");
        }
        WordingHits hits = new WordingHits(rules.maxHitsPerPage());
        for (WordingSample.Page page : sample.pages()) {
            hits.page();
            for (WordingRules.OutdatedName n : rules.outdatedNames()) {
                if (!page.homepage() && (page.date() == null || page.date().isBefore(n.sinceDate()))) {
                    continue;
                }
                hits.addEach(page, n.old(), n.unless(), rules.contextChars(), sentence -> new CheckProblem(CODE,
                        ProblemSeverity.DEDUCT, "机构名称已变更：“" + n.old() + "”自 " + n.since() + " 起为“"
                        + n.current() + "”。原文：" + sentence, page.url(), n.old(), n.current()));
            }
        }
        return hits.result(ID, sample, "过时的机构名称");
    }
}
