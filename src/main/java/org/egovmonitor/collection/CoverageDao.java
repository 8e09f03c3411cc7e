package org.egovmonitor.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.registry.NodeStatus;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(CollectionMappers.ProbeCountMapper.class)
@RegisterRowMapper(CollectionMappers.StatusChangeMapper.class)
public interface CoverageDao {

    @SqlQuery("""
            SELECT unit_code, count(*) AS probes, count(*) FILTER (WHERE up) AS up
              FROM node_probes
             WHERE probed_at >= :since
             GROUP BY unit_code
            """)
    List<Coverage.ProbeCount> probeCounts(@Bind("since") Instant since);

    /** In effective order: by date, then the order they were recorded. */
    @SqlQuery("SELECT id, unit_code, status, phase, effective_on FROM node_status_changes ORDER BY effective_on, id")
    List<Coverage.StatusChange> statusChanges();

    /**
     * Moves the effective date of a unit's recorded change back to when it really happened (the demo's phase-2
     * plan predates the day the demo is loaded). Only moves dates backwards.
     */
    @SqlUpdate("""
            UPDATE node_status_changes SET effective_on = :effectiveOn
             WHERE unit_code = :unitCode AND status = :status AND effective_on > :effectiveOn
            """)
    int backdate(@Bind("unitCode") String unitCode, @Bind("status") NodeStatus status,
                 @Bind("effectiveOn") LocalDate effectiveOn);
}
