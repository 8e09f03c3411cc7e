package org.egovmonitor.crawler.measure;

import org.egovmonitor.platform.RuleProblems;

/**
 * How much one site measurement may do, read from {@code crawlers/crawl.yml} next to the fetch settings (every key is
 * documented in that file). Invalid values fail with an {@code InvalidRulesException} naming each key.
 *
 * @param linkCheckConcurrency      links checked in parallel by the link checker
 * @param maxPagesPerSite           pages fetched per site
 * @param maxDepth                  how deep the engine reads: 0 homepage, 1 section lists, 2 (or more) sub-columns and
 *                                  message pages too
 * @param maxLinkChecksPerSite      distinct homepage links checked per site measurement, a sample chosen in a stable
 *                                  hash order of the URLs (so rounds check nearly the same links); the rest are
 *                                  counted as not checked (a page with 100,000 links must not turn into 100,000
 *                                  requests)
 * @param maxMessagesPerSection     rows of an interactive section's list read as messages; a 100,000-row list costs
 *                                  no more than this many
 * @param maxMessagePagesPerSection message pages fetched per interactive section, for messages whose list does not
 *                                  show their state or reply date (within {@code maxPagesPerSite})
 */
public record CrawlLimits(int linkCheckConcurrency, int maxPagesPerSite, int maxDepth, int maxLinkChecksPerSite,
                          int maxMessagesPerSection, int maxMessagePagesPerSection) {

    public CrawlLimits {
        RuleProblems problems = new RuleProblems();
        if (linkCheckConcurrency <= 0) {
            problems.add("linkCheckConcurrency", "必须大于 0，实为 " + linkCheckConcurrency);
        }
        if (maxPagesPerSite <= 0) {
            problems.add("maxPagesPerSite", "必须大于 0，实为 " + maxPagesPerSite);
        }
        notNegative(problems, "maxDepth", maxDepth);
        notNegative(problems, "maxLinkChecksPerSite", maxLinkChecksPerSite);
        notNegative(problems, "maxMessagesPerSection", maxMessagesPerSection);
        notNegative(problems, "maxMessagePagesPerSection", maxMessagePagesPerSection);
        problems.throwIfAny();
    }

    private static void notNegative(RuleProblems problems, String key, int value) {
        if (value < 0) {
            problems.add(key, "必须是 0 或更大，实为 " + value);
        }
    }

    /** The production defaults (the values written in {@code crawlers/crawl.yml}). */
    public static CrawlLimits defaults() {
        return new CrawlLimits(8, 60, 2, 300, 200, 10);
    }
}
