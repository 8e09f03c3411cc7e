package org.egovmonitor.auth;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface LoginFailureDao {

    @SqlUpdate("INSERT INTO login_failures (username, client_ip) VALUES (:username, :ip)")
    void insert(@Bind("username") String username, @Bind("ip") String clientIp);

    /**
     * Seconds until attempts are allowed again (0 when not blocked): blocked while the username or the IP has at
     * least its limit of failures in the window; it frees up when the failure that reached the limit leaves it.
     */
    @SqlQuery("""
            WITH by_user AS (
                SELECT failed_at FROM login_failures
                 WHERE username = :username AND failed_at > now() - make_interval(secs => :windowSeconds)
                 ORDER BY failed_at DESC OFFSET :maxPerUser - 1 LIMIT 1
            ), by_ip AS (
                SELECT failed_at FROM login_failures
                 WHERE client_ip = :ip AND failed_at > now() - make_interval(secs => :windowSeconds)
                 ORDER BY failed_at DESC OFFSET :maxPerIp - 1 LIMIT 1
            )
            SELECT COALESCE(ceil(EXTRACT(EPOCH FROM (max(failed_at) + make_interval(secs => :windowSeconds) - now()))),
                            0)::bigint
              FROM (SELECT failed_at FROM by_user UNION ALL SELECT failed_at FROM by_ip) f""")
    long blockedSeconds(@Bind("username") String username, @Bind("ip") String clientIp,
                        @Bind("windowSeconds") double windowSeconds, @Bind("maxPerUser") int maxPerUser,
                        @Bind("maxPerIp") int maxPerIp);

    @SqlUpdate("DELETE FROM login_failures WHERE username = :username")
    void clearUser(@Bind("username") String username);

    @SqlUpdate("DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => :windowSeconds)")
    int deleteOlderThan(@Bind("windowSeconds") double windowSeconds);
}
