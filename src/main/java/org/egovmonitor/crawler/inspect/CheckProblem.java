package org.egovmonitor.crawler.inspect;

/**
 * One problem a check found: the evidence a finding is made of.
 *
 * @param code       what is wrong, stable (e.g. {@code guide_incomplete}, {@code misused_word}, {@code soft_404})
 * @param severity   how much it weighs
 * @param message    what is wrong, in Chinese, for the scorecard (crawled text in it is plain text, escaped on display)
 * @param url        the page it was seen on (its snapshot is the evidence), null when it is about the site as a whole
 * @param excerpt    the offending text as the page shows it (a sentence, a link, a script address), to highlight in the
 *                   snapshot; null when there is nothing to point at (something missing)
 * @param correction the suggested fix (the correct word, the missing elements), null when none
 */
public record CheckProblem(String code, ProblemSeverity severity, String message, String url, String excerpt,
                           String correction) {

    public CheckProblem {
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(severity, "severity");
        java.util.Objects.requireNonNull(message, "message");
    }
}
