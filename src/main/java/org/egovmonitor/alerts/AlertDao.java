package org.egovmonitor.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Delivery.class)
@RegisterConstructorMapper(OptOut.class)
@RegisterConstructorMapper(AlertDao.Addressee.class)
@RegisterConstructorMapper(AlertDao.ProbePair.class)
@RegisterConstructorMapper(AlertDao.OpenProblem.class)
public interface AlertDao {

    /** A problem announced and not cleared. */
    record OpenProblem(String unitCode, String problem) {
    }

    /** The unit an alert concerns: its name and its current liaison's e-mail (null without one). */
    record Addressee(String unitName, String liaisonEmail) {
    }

    /** A monitored site's two latest availability probes (the previous one may be absent). */
    record ProbePair(String unitCode, String url, Instant probedAt, boolean up, int status, String errorKind,
                     Boolean previousUp) {
    }

    /** The problem as announced: a new row, or a changed fingerprint; 0 rows when it is already announced as is. */
    @SqlUpdate("""
            INSERT INTO alert_problems (unit_code, kind, problem, fingerprint, opened_at, changed_at)
            VALUES (:unitCode, :kind, :problem, :fingerprint, :now, :now)
            ON CONFLICT (unit_code, kind, problem) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, changed_at = EXCLUDED.changed_at
                WHERE alert_problems.fingerprint <> EXCLUDED.fingerprint
            """)
    int announce(@Bind("unitCode") String unitCode, @Bind("kind") AlertKind kind, @Bind("problem") String problem,
                 @Bind("fingerprint") String fingerprint, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM alert_problems WHERE unit_code = :unitCode AND kind = :kind AND problem = :problem")
    int clear(@Bind("unitCode") String unitCode, @Bind("kind") AlertKind kind, @Bind("problem") String problem);

    @SqlQuery("SELECT unit_code, problem FROM alert_problems WHERE kind = :kind")
    List<OpenProblem> openProblems(@Bind("kind") AlertKind kind);

    @SqlQuery("""
            SELECT u.name AS unit_name, l.email AS liaison_email
            FROM units u LEFT JOIN liaisons l ON l.unit_code = u.code AND l.until_date IS NULL
            WHERE u.code = :unitCode
            """)
    Optional<Addressee> addressee(@Bind("unitCode") String unitCode);

    @SqlQuery("SELECT max(day) FROM score_days WHERE day < :day")
    Optional<LocalDate> scoreDayBefore(@Bind("day") LocalDate day);

    @SqlQuery
    @UseClasspathSqlLocator
    List<ProbePair> latestProbes();

    // ---- deliveries

    @SqlUpdate("""
            INSERT INTO alert_deliveries (unit_code, kind, problem, channel, recipient, mode, subject, body, link,
                                          status, created_at, due_at)
            VALUES (:unitCode, :kind, :problem, :channel, :recipient, :mode, :subject, :body, :link,
                    :status, :createdAt, :dueAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods NewDelivery delivery);

    /**
     * Claims the waiting deliveries due by {@code now}, pushing their due time to {@code lease}: a node that dies while
     * sending leaves them to be claimed again then, and two nodes never send the same row at once.
     */
    @SqlQuery
    @UseClasspathSqlLocator
    List<Delivery> claimDue(@Bind("now") Instant now, @Bind("lease") Instant lease, @Bind("limit") int limit);

    @SqlQuery
    @UseClasspathSqlLocator
    List<Delivery> byIds(@BindList("ids") List<Long> ids);

    @SqlBatch("""
            UPDATE alert_deliveries SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL
            WHERE id = :id
            """)
    void sent(@Bind("id") List<Long> ids, @Bind("now") Instant now);

    /** A failed attempt: retried at {@code retryAt} unless it was the last allowed. */
    @SqlUpdate("""
            UPDATE alert_deliveries
            SET attempts = attempts + 1, last_error = :error,
                status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'FAILED' ELSE 'RETRYING' END,
                due_at = :retryAt
            WHERE id = :id
            """)
    void failed(@Bind("id") long id, @Bind("error") String error, @Bind("maxAttempts") int maxAttempts,
                @Bind("retryAt") Instant retryAt);

    @SqlUpdate("UPDATE alert_deliveries SET status = :status, due_at = :dueAt WHERE id = :id")
    void reschedule(@Bind("id") long id, @Bind("status") DeliveryStatus status, @Bind("dueAt") Instant dueAt);

    @SqlUpdate("""
            UPDATE alert_deliveries SET status = 'CANCELLED', last_error = :reason
            WHERE unit_code = :unitCode AND status IN ('PENDING', 'HELD', 'DIGEST', 'RETRYING')
            """)
    int cancelWaiting(@Bind("unitCode") String unitCode, @Bind("reason") String reason);

    @SqlQuery
    @UseClasspathSqlLocator
    List<Delivery> list(@Bind("unitCode") String unitCode, @Bind("status") DeliveryStatus status,
                        @Bind("limit") int limit);

    // ---- opt-outs

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM alert_opt_outs WHERE unit_code = :unitCode)")
    boolean optedOut(@Bind("unitCode") String unitCode);

    @SqlUpdate("""
            INSERT INTO alert_opt_outs (unit_code, by_user, since) VALUES (:unitCode, :byUser, :now)
            ON CONFLICT (unit_code) DO NOTHING
            """)
    int optOut(@Bind("unitCode") String unitCode, @Bind("byUser") String byUser, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM alert_opt_outs WHERE unit_code = :unitCode")
    int optIn(@Bind("unitCode") String unitCode);

    @SqlQuery("""
            SELECT o.unit_code, u.name AS unit_name, o.by_user, o.since
            FROM alert_opt_outs o JOIN units u ON u.code = o.unit_code
            ORDER BY o.unit_code
            """)
    List<OptOut> optOuts();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM units WHERE code = :unitCode)")
    boolean unitExists(@Bind("unitCode") String unitCode);

    /** A delivery to store. */
    record NewDelivery(String unitCode, AlertKind kind, String problem, Channel channel, String recipient,
                       DeliveryMode mode, String subject, String body, String link, DeliveryStatus status,
                       Instant createdAt, Instant dueAt) {
    }
}
