package org.egovmonitor.registry;

import org.egovmonitor.platform.Messages;

/** What a website is, which decides the section families it is required to have (see crawlers/). */
public enum SiteKind {
    /** A city's or county's government portal (门户网站). */
    PORTAL,
    /** A municipal department's own site (部门网站 / 专业网站). */
    DEPARTMENT,
    /** A county/district government site (县区政府网站). */
    COUNTY,
    /** A township's page or sub-site, usually hosted on its county's site (乡镇网页). */
    TOWNSHIP_PAGE;

    /** The Chinese name shown to users (门户网站). */
    public String label() {
        return Messages.label(this);
    }

    /** The label of a stored kind name (measurements keep it as text), the name itself when unknown. */
    public static String labelOf(String name) {
        return name == null ? null : Messages.getOrDefault(Messages.enumKey(SiteKind.class, name), name);
    }
}
