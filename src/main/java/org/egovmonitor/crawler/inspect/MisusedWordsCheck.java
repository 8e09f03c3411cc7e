package org.egovmonitor.crawler.inspect;

/**
 * 错别字: the misused words and characters of {@code wording.misusedWords} in the homepage and sampled articles,
 * each hit with its sentence and the correct form. A severe entry is a veto, the others deductions.
 */
final class MisusedWordsCheck implements SiteCheck {

    static final String ID = "misusedWords";
    static final String CODE = "misused_word";

    private final WordingRules rules;
    private final WordingSampler sampler;

    MisusedWordsCheck(WordingRules rules, WordingSampler sampler) {
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
            return CheckResult.notChecked(ID, "没有可读的页面，未检查错别字");
        }
        WordingHits hits = new WordingHits(rules.maxHitsPerPage());
        for (WordingSample.Page page : sample.pages()) {
            hits.page();
            for (WordingRules.MisusedWord w : rules.misusedWords()) {
                hits.addEach(page, w.wrong(), w.unless(), rules.contextChars(), sentence -> new CheckProblem(CODE,
                        w.severe() ? ProblemSeverity.SEVERE : ProblemSeverity.DEDUCT, "错别字“" + w.wrong()
                        + "”，应为“" + w.right() + "”。原文：" + sentence, page.url(), w.wrong(), w.right()));
            }
        }
        return hits.result(ID, sample, "错别字");
    }
}
