package org.egovmonitor.registry;

/** A site as written by a client or a registry file; monitored defaults to true. */
public record SiteRequest(String url, String name, SiteKind kind, String unitCode, Boolean monitored) {
}
