package org.egovmonitor.registry;

/** A leader of a unit as the registry has it: 张三, 局长; {@code position} orders them on the unit's page. */
public record UnitLeader(String name, String post, int position) {
}
