package org.egovmonitor.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's LAN / office-automation declaration as submitted. Wrapper types so that a missing field is a field error
 * rather than a silent false or 0. {@code submittedBy} is only used while there is no login.
 */
public record SelfReportRequest(LocalDate reportDate, Boolean lanPresent, Integer computers,
                                Integer networkedComputers, Integer staff, Boolean internetAccess, Boolean oaInUse,
                                Boolean egovConnected, List<SystemInUse> systems, List<String> otherSystems,
                                String note, String submittedBy) {
}
