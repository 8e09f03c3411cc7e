package org.egovmonitor.crawler.inspect;

/**
 * 敏感词: the words of {@code wording.sensitiveWords} (kept by the office) in the homepage and sampled articles.
 * Severe unless the entry says otherwise: such a word on a government site is a veto.
 */
final class SensitiveWordsCheck implements SiteCheck {

    static final String ID = "sensitiveWords";
    static final String CODE = "sensitive_word";

    private final WordingRules rules;
    private final WordingSampler sampler;

    SensitiveWordsCheck(WordingRules rules, WordingSampler sampler) {
        this.rules = rules;
        this.sampler = sampler;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(CheckInput input) {
        if (rules.sensitiveWords().isEmpty()) {
            return CheckResult.notChecked(ID, "未配置敏感词表，未检查");
        }
        WordingSample sample = sampler.sample(input);
        if (sample.pages().isEmpty()) {
            return CheckResult.notChecked(ID, "没有可读的页面，未检查敏感词");
        }
        WordingHits hits = new WordingHits(rules.maxHitsPerPage());
        for (WordingSample.Page page : sample.pages()) {
            hits.page();
            for (WordingRules.SensitiveWord w : rules.sensitiveWords()) {
                boolean severe = w.severe() == null || w.severe();
                hits.addEach(page, w.word(), null, rules.contextChars(), sentence -> new CheckProblem(CODE,
                        severe ? ProblemSeverity.SEVERE : ProblemSeverity.DEDUCT, "出现不应发布的敏感词“" + w.word()
                        + "”。原文：" + sentence, page.url(), w.word(), "删除或改写含“" + w.word() + "”的内容"));
            }
        }
        return hits.result(ID, sample, "敏感词");
    }
}
