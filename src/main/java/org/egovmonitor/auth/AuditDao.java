package org.egovmonitor.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit log: only INSERT and SELECT here (the table's triggers refuse the rest). */
@RegisterRowMapper(AuditDao.AuditMapper.class)
public interface AuditDao extends SqlObject {

    /**
     * Filters of the audit log, each null when not used: the exact username, the action (its pattern; for
     * {@link AuditAction#OTHER} none of the named ones), and a half-open time range [from, to).
     */
    record Query(String username, AuditAction action, Instant from, Instant to) {
    }

    @SqlUpdate("""
            INSERT INTO audit_log (username, role, auth_method, method, path, status, client_ip)
            VALUES (:username, :role, :authMethod, :method, :path, :status, :ip)""")
    void insert(@Bind("username") String username, @Bind("role") Role role, @Bind("authMethod") AuthMethod authMethod,
                @Bind("method") String method, @Bind("path") String path, @Bind("status") int status,
                @Bind("ip") String clientIp);

    /** The newest records first that pass the filters, {@code offset} skipped. */
    default List<AuditEntry> find(Query q, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE TRUE");
        if (q.username() != null) {
            sql.append(" AND username = :username");
        }
        if (q.action() == AuditAction.OTHER) {
            sql.append(" AND NOT ((method || ' ' || path) ~ :pattern)");
        } else if (q.action() != null) {
            sql.append(" AND (method || ' ' || path) ~ :pattern");
        }
        if (q.from() != null) {
            sql.append(" AND at >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND at < :to");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        var query = getHandle().createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (q.username() != null) {
            query.bind("username", q.username());
        }
        if (q.action() != null) {
            query.bind("pattern", q.action() == AuditAction.OTHER ? AuditAction.anyNamed() : q.action().pattern());
        }
        if (q.from() != null) {
            query.bind("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            query.bind("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return query.map(new AuditMapper()).list();
    }

    class AuditMapper implements RowMapper<AuditEntry> {
        @Override
        public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            String role = rs.getString("role");
            return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                    role == null ? null : Role.valueOf(role), AuthMethod.valueOf(rs.getString("auth_method")),
                    rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("client_ip"),
                    AuditAction.of(rs.getString("method"), rs.getString("path")),
                    AuditAction.target(rs.getString("method"), rs.getString("path")));
        }
    }
}
