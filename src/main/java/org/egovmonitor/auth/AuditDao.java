package org.egovmonitor.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only audit log: only INSERT and SELECT here (the table's triggers refuse the rest). */
@RegisterRowMapper(AuditDao.AuditMapper.class)
public interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit_log (username, role, auth_method, method, path, status, client_ip)
            VALUES (:username, :role, :authMethod, :method, :path, :status, :ip)""")
    void insert(@Bind("username") String username, @Bind("role") Role role, @Bind("authMethod") AuthMethod authMethod,
                @Bind("method") String method, @Bind("path") String path, @Bind("status") int status,
                @Bind("ip") String clientIp);

    @SqlQuery("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit")
    List<AuditEntry> latest(@Bind("limit") int limit);

    class AuditMapper implements RowMapper<AuditEntry> {
        @Override
        public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            String role = rs.getString("role");
            return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("username"),
                    role == null ? null : Role.valueOf(role), AuthMethod.valueOf(rs.getString("auth_method")),
                    rs.getString("method"), rs.getString("path"), rs.getInt("status"), rs.getString("client_ip"));
        }
    }
}
