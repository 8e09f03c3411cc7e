package org.egovmonitor.crawler.classify;

/**
 * A homepage link recognised as a section.
 *
 * @param family the section family id
 * @param title  the link text as decoded; for a block's {@code 更多>>} link, the block heading it was classified by
 * @param url    the section page's absolute URL
 * @param rule   the rule that recognised it
 */
public record ClassifiedSection(String family, String title, String url, SectionRule rule) {

    public ClassifiedSection {
        rule = rule == null ? SectionRule.SYNONYM : rule;
    }

    /** A section recognised by its link text being a synonym. */
    public ClassifiedSection(String family, String title, String url) {
        this(family, title, url, SectionRule.SYNONYM);
    }
}
