package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.Map;
import org.egovmonitor.crawler.measure.SiteMeasurement;

/**
 * The facts {@link StoredEvidenceSource} cannot read from the registry and probe tables: the observation store's
 * measurements, approved self-reports, portal contributions and interaction messages. Each method answers for
 * every unit (or site) at once, as of the end of {@code day}; a missing key means "no data" (scored NO_DATA).
 * {@link StoredObservationFacts} reads them from the database; {@link #NONE} knows nothing.
 */
public interface ObservationFacts {

    ObservationFacts NONE = new ObservationFacts() {
    };

    /** Site id → the latest measurement measured on or before {@code day}. */
    default Map<Long, SiteMeasurement> latestMeasurements(LocalDate day) {
        return Map.of();
    }

    /** Why a site has no measurement, shown to users (e.g. 尚未抓取). */
    default String noMeasurementReason() {
        return "观测数据尚未接入";
    }

    /** Unit code → facts of its latest self-report approved on or before {@code day}. */
    default Map<String, UnitEvidence.LanReport> approvedReports(LocalDate day) {
        return Map.of();
    }

    /** Unit code → portal items naming it as source in the 30 and 90 days up to {@code day}. */
    default Map<String, UnitEvidence.Contributions> contributions(LocalDate day) {
        return Map.of();
    }

    /** Unit code → messages read from its interactive sections, as of the end of {@code day}. */
    default Map<String, UnitEvidence.InteractionFacts> interactions(LocalDate day) {
        return Map.of();
    }

    /**
     * {@link #interactions(LocalDate)} for a caller that already holds {@link #latestMeasurements} of the same day,
     * so that an implementation reading messages from those measurements need not read them twice.
     */
    default Map<String, UnitEvidence.InteractionFacts> interactions(LocalDate day,
                                                                   Map<Long, SiteMeasurement> latestMeasurements) {
        return interactions(day);
    }
}
