package org.egovmonitor.crawler.inspect;

/**
 * GETs for checks: through the site's fetches, so every page is recorded as evidence (purpose CHECK), guarded and
 * polite like any other, and counted against {@code maxCheckPagesPerSite}. When the budget is spent, {@code get}
 * returns null and the check says what it could not look at.
 */
public interface CheckPages {

    /** GETs {@code url}; null when the check budget of the site is spent. */
    CheckPage get(String url);

    /** Pages the checks may still GET on this site. */
    int left();
}
