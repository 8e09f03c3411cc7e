package org.egovmonitor.crawler.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The problems one wording check collects over a site's pages, in page order. A wrong text is one problem per page
 * (its evidence is the page and the text, one finding however often it recurs; the message counts the places), at
 * most {@code maxHitsPerPage} per page, and once per site in the same sentence (navigation and footer repeat on every
 * article: their error is reported on the first page it is seen on, the homepage).
 */
final class WordingHits {

    private final int maxPerPage;
    private final Set<String> seen = new HashSet<>();
    private final List<CheckProblem> problems = new ArrayList<>();
    private final Map<String, Hit> page = new LinkedHashMap<>();

    private record Hit(int offset, String sentence, CheckProblem problem, int count) {
    }

    WordingHits(int maxPerPage) {
        this.maxPerPage = maxPerPage;
    }

    /** Starts the next page (the hits of the one before are kept, first in page order). */
    void page() {
        page.values().stream().sorted(Comparator.comparingInt(Hit::offset)).limit(maxPerPage)
                .filter(h -> seen.add(h.problem().excerpt() + "\u0000" + h.sentence()))
                .forEach(h -> problems.add(h.count() == 1 ? h.problem() : new CheckProblem(h.problem().code(),
                        h.problem().severity(), h.problem().message() + "（本页共 " + h.count() + " 处）",
                        h.problem().url(), h.problem().excerpt(), h.problem().correction())));
        page.clear();
    }

    /** A hit at {@code offset} of the page's text; the first of each excerpt stands for the others. */
    void add(int offset, String sentence, CheckProblem p) {
        page.merge(p.excerpt(), new Hit(offset, sentence, p, 1), (a, b) -> a.offset() <= b.offset()
                ? new Hit(a.offset(), a.sentence(), a.problem(), a.count() + 1)
                : new Hit(b.offset(), b.sentence(), b.problem(), a.count() + 1));
    }

    /**
     * Adds every place of {@code term} in {@code page}'s text (outside the longer correct strings {@code unless}), at
     * most {@code maxHitsPerPage}, each with its sentence and the problem {@code problem} makes of that sentence: the
     * scan the word-list checks share.
     */
    void addEach(WordingSample.Page page, String term, List<String> unless, int contextChars,
                 Function<String, CheckProblem> problem) {
        for (int i : WordingText.find(page.text(), term, unless, maxPerPage)) {
            String sentence = WordingText.sentence(page.text(), i, i + term.length(), contextChars);
            add(i, sentence, problem.apply(sentence));
        }
    }

    /** The result: the summary says what was read and how many were found. */
    CheckResult result(String check, WordingSample sample, String what) {
        page();
        String summary = "检查" + sample.scope() + "，" + (problems.isEmpty() ? "未发现" + what
                : "发现" + what + " " + problems.size() + " 处");
        return CheckResult.judged(check, summary, problems, Map.of("pagesChecked", (double) sample.pages().size(),
                "hits", (double) problems.size()));
    }
}
