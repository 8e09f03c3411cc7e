package org.egovmonitor.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.egovmonitor.registry.RegistryMappers;
import org.egovmonitor.registry.Site;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Bulk reads of the registry and probe tables for scoring evidence: one query per kind of fact, not per unit. */
public interface EvidenceQueries {

    record ProbeCount(String key, int samples, int failures, String endpoint) {
    }

    record LastFailure(long siteId, Instant at, String url, int status, String errorKind) {
    }

    @SqlQuery("SELECT * FROM sites WHERE monitored ORDER BY unit_code, id")
    @RegisterRowMapper(RegistryMappers.SiteMapper.class)
    List<Site> monitoredSites();

    @SqlQuery("""
            SELECT site_id::text AS key, count(*) AS samples, count(*) FILTER (WHERE NOT up) AS failures,
                   NULL AS endpoint
              FROM availability_probes
             WHERE probed_at >= :from AND probed_at < :to
             GROUP BY site_id
            """)
    @RegisterRowMapper(ProbeCountMapper.class)
    List<ProbeCount> availability(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT DISTINCT ON (site_id) site_id, probed_at, url, status, error_kind
              FROM availability_probes
             WHERE NOT up AND probed_at >= :from AND probed_at < :to
             ORDER BY site_id, probed_at DESC, id DESC
            """)
    @RegisterRowMapper(LastFailureMapper.class)
    List<LastFailure> lastFailures(@Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT unit_code AS key, count(*) AS samples, count(*) FILTER (WHERE NOT up) AS failures,
                   max(endpoint) AS endpoint
              FROM node_probes
             WHERE probed_at >= :from AND probed_at < :to
             GROUP BY unit_code
            """)
    @RegisterRowMapper(ProbeCountMapper.class)
    List<ProbeCount> nodeProbes(@Bind("from") Instant from, @Bind("to") Instant to);

    /** The liaison in office at the end of the day (started on or before it, not ended by then). */
    @SqlQuery("""
            SELECT DISTINCT ON (unit_code) *
              FROM liaisons
             WHERE since <= :day AND (until_date IS NULL OR until_date > :day)
             ORDER BY unit_code, since DESC, id DESC
            """)
    @RegisterRowMapper(RegistryMappers.LiaisonMapper.class)
    List<org.egovmonitor.registry.Liaison> liaisonsOn(@Bind("day") java.time.LocalDate day);

    final class ProbeCountMapper implements RowMapper<ProbeCount> {
        @Override
        public ProbeCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ProbeCount(rs.getString("key"), rs.getInt("samples"), rs.getInt("failures"),
                    rs.getString("endpoint"));
        }
    }

    final class LastFailureMapper implements RowMapper<LastFailure> {
        @Override
        public LastFailure map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LastFailure(rs.getLong("site_id"), rs.getTimestamp("probed_at").toInstant(),
                    rs.getString("url"), rs.getInt("status"), rs.getString("error_kind"));
        }
    }
}
