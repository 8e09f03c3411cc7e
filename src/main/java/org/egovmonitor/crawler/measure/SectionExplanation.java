package org.egovmonitor.crawler.measure;

import java.util.List;
import org.egovmonitor.crawler.classify.SectionDecision;

/**
 * How a site's homepage was read into sections: every link with what became of it. What {@code measure --explain}
 * prints, so the office can answer a department that disputes a finding.
 *
 * @param url       the site root asked for
 * @param finalUrl  the homepage actually read (after redirects)
 * @param status    its HTTP status (0 when nothing answered)
 * @param charset   the charset it was decoded with, null when it was not read
 * @param errorKind why it could not be read, or null
 * @param decisions every homepage link in page order, taken for a section (family, rule) or left out (reason)
 * @param fetches   the GETs made
 * @param links     how many distinct homepage links a measurement would check, of how many (null when not read)
 */
public record SectionExplanation(String url, String finalUrl, int status, String charset, String errorKind,
                                 List<SectionDecision> decisions, List<SiteMeasurement.Fetch> fetches,
                                 LinkSample links) {

    public SectionExplanation {
        decisions = List.copyOf(decisions);
        fetches = List.copyOf(fetches);
    }
}
