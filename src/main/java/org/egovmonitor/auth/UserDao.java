package org.egovmonitor.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {

    String COLUMNS = "username, display_name, role, unit_code, enabled, demo, created_at, last_login_at";

    /**
     * The name of the registry unit a department account belongs to. users.unit_code references units.code, so
     * auth reads that one column by SQL rather than depending on the registry's code (the registry depends on auth
     * for its access annotations).
     */
    @SqlQuery("SELECT name FROM units WHERE code = :code")
    Optional<String> unitName(@Bind("code") String code);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
    Optional<User> find(@Bind("username") String username);

    @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY role, username")
    List<User> findAll();

    @SqlQuery("SELECT password_hash FROM users WHERE username = :username AND enabled")
    Optional<String> enabledPasswordHash(@Bind("username") String username);

    @SqlQuery("SELECT count(*) FROM users")
    int count();

    @SqlQuery("SELECT count(*) FROM users WHERE role = 'OFFICE' AND enabled")
    int countEnabledOffice();

    @SqlUpdate("""
            INSERT INTO users (username, password_hash, role, unit_code, display_name, enabled, demo)
            VALUES (:username, :hash, :role, :unitCode, :displayName, :enabled, :demo)""")
    void insert(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("role") Role role,
                @Bind("unitCode") String unitCode, @Bind("displayName") String displayName,
                @Bind("enabled") boolean enabled, @Bind("demo") boolean demo);

    @SqlUpdate("""
            UPDATE users
               SET role = :role, unit_code = :unitCode, display_name = :displayName, enabled = :enabled,
                   updated_at = now()
             WHERE username = :username""")
    int update(@Bind("username") String username, @Bind("role") Role role, @Bind("unitCode") String unitCode,
               @Bind("displayName") String displayName, @Bind("enabled") boolean enabled);

    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = now() WHERE username = :username")
    int setPasswordHash(@Bind("username") String username, @Bind("hash") String passwordHash);

    @SqlUpdate("UPDATE users SET last_login_at = now() WHERE username = :username")
    void touchLastLogin(@Bind("username") String username);

    @SqlUpdate("DELETE FROM users WHERE username = :username")
    int delete(@Bind("username") String username);

    class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new User(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                    rs.getString("unit_code"), rs.getBoolean("enabled"), rs.getBoolean("demo"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("last_login_at", OffsetDateTime.class));
        }
    }
}
