package org.egovmonitor.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Sessions keyed by the SHA-256 of the cookie value. Expiry is judged by the application's clock, passed in as
 * {@code now} (nodes keep their clocks in sync; tests move theirs instead of sleeping).
 */
public interface SessionDao {

    @SqlUpdate("""
            INSERT INTO sessions (id_hash, username, created_at, last_seen_at, expires_at, client_ip, user_agent)
            VALUES (:hash, :username, :now, :now, CAST(:now AS timestamptz) + make_interval(secs => :absoluteSeconds),
                    :ip, :userAgent)""")
    void insert(@Bind("hash") byte[] idHash, @Bind("username") String username, @Bind("now") OffsetDateTime now,
                @Bind("absoluteSeconds") double absoluteSeconds, @Bind("ip") String clientIp,
                @Bind("userAgent") String userAgent);

    /**
     * The user of a live session (within both the absolute and the idle end, user enabled), refreshing its idle
     * clock; the refresh is skipped when it was refreshed less than {@code refreshSeconds} ago to spare writes.
     */
    @SqlQuery("""
            WITH live AS (
                SELECT s.id_hash, s.username, s.last_seen_at
                  FROM sessions s JOIN users u ON u.username = s.username
                 WHERE s.id_hash = :hash
                   AND u.enabled
                   AND s.expires_at > :now
                   AND s.last_seen_at > CAST(:now AS timestamptz) - make_interval(secs => :idleSeconds)
            ), touched AS (
                UPDATE sessions SET last_seen_at = :now
                 WHERE id_hash IN (SELECT id_hash FROM live
                                    WHERE last_seen_at < CAST(:now AS timestamptz)
                                                         - make_interval(secs => :refreshSeconds))
            )
            SELECT username FROM live""")
    Optional<String> liveUser(@Bind("hash") byte[] idHash, @Bind("now") OffsetDateTime now,
                              @Bind("idleSeconds") double idleSeconds, @Bind("refreshSeconds") double refreshSeconds);

    @SqlUpdate("DELETE FROM sessions WHERE id_hash = :hash")
    int delete(@Bind("hash") byte[] idHash);

    @SqlUpdate("DELETE FROM sessions WHERE username = :username")
    int deleteForUser(@Bind("username") String username);

    @SqlUpdate("""
            DELETE FROM sessions
             WHERE expires_at < :now
                OR last_seen_at < CAST(:now AS timestamptz) - make_interval(secs => :idleSeconds)""")
    int deleteExpired(@Bind("now") OffsetDateTime now, @Bind("idleSeconds") double idleSeconds);
}
