package org.egovmonitor.demo.farm;

import java.util.Set;

/**
 * How a generated site was drawn: for variety tests and for reading benchmark results, not part of the truth.
 *
 * @param layout        table or div layout
 * @param charset       encoding and declaration
 * @param decoys        decoy kinds present on the homepage
 * @param staleFamilies families with a window whose newest item is older than the window
 * @param yearlessDates whether some entry shows a year-less date ({@code [04-15]})
 * @param paged         whether some section has more than one list page
 * @param safetyFaults  the content-safety checks the homepage must fail (hiddenLinks, navigationLinks,
 *                      thirdPartyScripts); empty when it is clean
 */
public record SiteTraits(PageLayout layout, PageCharset charset, Set<DecoyKind> decoys, Set<String> staleFamilies,
                         boolean yearlessDates, boolean paged, Set<String> safetyFaults) {
}
