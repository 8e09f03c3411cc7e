package org.egovmonitor.registry;

/**
 * One leader of a unit as a registry file lists it; a file's leader rows of one unit, in file order, are that unit's
 * whole list (as {@link LeadersRequest} is for the API).
 */
public record LeaderRequest(String unitCode, String name, String post) {
}
