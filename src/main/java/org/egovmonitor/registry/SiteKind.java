package org.egovmonitor.registry;

/** What a website is, which decides the section families it is required to have (see crawlers/). */
public enum SiteKind {
    /** A city's or county's government portal (门户网站). */
    PORTAL("门户网站"),
    /** A municipal department's own site (部门网站 / 专业网站). */
    DEPARTMENT("部门网站"),
    /** A county/district government site (县区政府网站). */
    COUNTY("县区政府网站"),
    /** A township's page or sub-site, usually hosted on its county's site (乡镇网页). */
    TOWNSHIP_PAGE("乡镇网页");

    private final String label;

    SiteKind(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
