package org.egovmonitor.auth;

import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Failed (and in-progress) logins. Times come from the application's clock, never the database's now(). */
@RegisterConstructorMapper(LoginFailureDao.Failures.class)
public interface LoginFailureDao {

    /** How many failures, the newest one, and how many of them came from the asking address. */
    record Failures(int count, OffsetDateTime last, int fromAddress) {
    }

    /** Serialises the check-and-record of attempts on one key (a username or an address) until the commit. */
    @SqlQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7812)) IS NOT NULL")
    boolean lock(@Bind("key") String key);

    @SqlUpdate("INSERT INTO login_failures (username, client_ip, failed_at) VALUES (:username, :ip, :at)")
    void insert(@Bind("username") String username, @Bind("ip") String clientIp, @Bind("at") OffsetDateTime at);

    @SqlQuery("""
            SELECT count(*) AS count, max(failed_at) AS last, count(*) FILTER (WHERE client_ip = :ip) AS from_address
              FROM login_failures
             WHERE username = :username AND failed_at > :since""")
    Failures ofUser(@Bind("username") String username, @Bind("ip") String clientIp,
                    @Bind("since") OffsetDateTime since);

    @SqlQuery("""
            SELECT count(*) AS count, max(failed_at) AS last, count(*) AS from_address
              FROM login_failures
             WHERE client_ip = :ip AND failed_at > :since""")
    Failures ofAddress(@Bind("ip") String clientIp, @Bind("since") OffsetDateTime since);

    /** After a success: the address's failures on that name go (other addresses' stay, so their delays hold). */
    @SqlUpdate("DELETE FROM login_failures WHERE username = :username AND client_ip = :ip")
    int clear(@Bind("username") String username, @Bind("ip") String clientIp);

    /** The office's unlock ({@link UserService#unlock}): every failure recorded against the name. */
    @SqlUpdate("DELETE FROM login_failures WHERE username = :username")
    int clearUser(@Bind("username") String username);

    @SqlUpdate("DELETE FROM login_failures WHERE failed_at <= :since")
    int deleteOlderThan(@Bind("since") OffsetDateTime since);

    @SqlUpdate("""
            INSERT INTO login_successes (username, client_ip, succeeded_at) VALUES (:username, :ip, :at)
            ON CONFLICT (username, client_ip) DO UPDATE SET succeeded_at = excluded.succeeded_at""")
    void recordSuccess(@Bind("username") String username, @Bind("ip") String clientIp, @Bind("at") OffsetDateTime at);

    /** Whether the name signed in successfully from the address after {@code since}. */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM login_successes
                            WHERE username = :username AND client_ip = :ip AND succeeded_at > :since)""")
    boolean succeededFrom(@Bind("username") String username, @Bind("ip") String clientIp,
                          @Bind("since") OffsetDateTime since);

    @SqlUpdate("DELETE FROM login_successes WHERE succeeded_at <= :since")
    int deleteSuccessesOlderThan(@Bind("since") OffsetDateTime since);
}
