package org.egovmonitor.observations;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SiteAvailability.class)
public interface ProbeDao {

    @SqlUpdate("""
            INSERT INTO availability_probes (site_id, probed_at, up, status, response_ms, error_kind, url)
            VALUES (:siteId, :probedAt, :up, :status, :responseMs, :errorKind, :url)
            """)
    void addAvailability(@Bind("siteId") long siteId, @Bind("probedAt") Instant probedAt, @Bind("up") boolean up,
                         @Bind("status") int status, @Bind("responseMs") long responseMs,
                         @Bind("errorKind") String errorKind, @Bind("url") String url);

    @SqlUpdate("""
            INSERT INTO node_probes (unit_code, probed_at, up, latency_ms, error, endpoint)
            VALUES (:unitCode, :probedAt, :up, :latencyMs, :error, :endpoint)
            """)
    void addNodeProbe(@Bind("unitCode") String unitCode, @Bind("probedAt") Instant probedAt, @Bind("up") boolean up,
                      @Bind("latencyMs") Long latencyMs, @Bind("error") String error,
                      @Bind("endpoint") String endpoint);

    /**
     * Probes and failures of every monitored site since {@code since}, with its newest failure in that window;
     * only one unit's when {@code unitCode} is given.
     */
    @SqlQuery("""
            SELECT s.id AS site_id, s.url, s.unit_code,
                   count(p.id) AS probes,
                   count(p.id) FILTER (WHERE NOT p.up) AS failures,
                   CAST(count(p.id) FILTER (WHERE NOT p.up) AS DOUBLE PRECISION) / NULLIF(count(p.id), 0)
                       AS failure_share,
                   s.name AS site_name, u.name AS unit_name,
                   max(p.probed_at) AS last_probe_at,
                   lf.probed_at AS last_failure_at, lf.error_kind AS last_error_kind,
                   NULLIF(lf.status, 0) AS last_failure_status,
                   CAST(round(avg(p.response_ms) FILTER (WHERE p.up)) AS BIGINT) AS avg_response_ms
              FROM sites s
              JOIN units u ON u.code = s.unit_code
              LEFT JOIN availability_probes p ON p.site_id = s.id AND p.probed_at >= :since
              LEFT JOIN LATERAL (SELECT f.probed_at, f.error_kind, f.status FROM availability_probes f
                                  WHERE f.site_id = s.id AND NOT f.up AND f.probed_at >= :since
                                  ORDER BY f.probed_at DESC LIMIT 1) lf ON TRUE
             WHERE s.monitored AND (CAST(:unit AS TEXT) IS NULL OR s.unit_code = :unit)
             GROUP BY s.id, u.name, lf.probed_at, lf.error_kind, lf.status
             ORDER BY s.id
            """)
    List<SiteAvailability> availabilitySince(@Bind("since") Instant since, @Bind("unit") String unitCode);
}
