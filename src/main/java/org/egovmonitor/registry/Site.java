package org.egovmonitor.registry;

/** A website owned by a unit. */
public record Site(long id, String url, String name, SiteKind kind, String unitCode, boolean monitored,
                   boolean demo) {
}
