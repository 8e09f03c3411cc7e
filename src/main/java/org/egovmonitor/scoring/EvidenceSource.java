package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Where scoring's input comes from: one {@link UnitEvidence} per registered unit, as the data stood at the end of
 * {@code day} (in the city's time zone). Must be deterministic for a past day — the same stored observations give
 * the same evidence — so that a snapshot can be recomputed and compared.
 */
public interface EvidenceSource {

    List<UnitEvidence> evidenceFor(LocalDate day);
}
