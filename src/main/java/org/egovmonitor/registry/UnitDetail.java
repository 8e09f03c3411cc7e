package org.egovmonitor.registry;

import java.util.List;

/** A unit with everything the registry holds about it (GET /api/units/{code}). */
public record UnitDetail(Unit unit, List<Site> sites, NetworkNode node, Liaison liaison, List<String> childCodes) {
}
