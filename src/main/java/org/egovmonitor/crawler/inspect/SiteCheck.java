package org.egovmonitor.crawler.inspect;

/**
 * One item of the national inspection checklist judged on one site (办事指南要素, 错别字, HTTPS, 暗链 …): a small
 * class of its own, its rules read from {@code crawlers/checks.yml}. A check never throws for hostile input; what it
 * could not judge is {@link CheckOutcome#NOT_CHECKED} with the reason. Checks run after the sections are read, so
 * they see the homepage and every section list the engine read, and may GET a few pages of their own through
 * {@link CheckInput#pages()} (within {@code maxCheckPagesPerSite}).
 */
public interface SiteCheck {

    /** Stable id, stored with measurements and used as the key in indicators.yml (e.g. {@code https}). */
    String id();

    /** Judges the site. */
    CheckResult check(CheckInput input);
}
