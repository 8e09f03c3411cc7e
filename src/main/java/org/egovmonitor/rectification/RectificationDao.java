package org.egovmonitor.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.bulletins.OpenTasks;
import org.egovmonitor.bulletins.PeriodTasks;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingKey;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Tasks, appeals and their timeline (V16). Task reads carry the re-check round's progress and the overdue flag. */
@RegisterConstructorMapper(RectificationTask.class)
@RegisterConstructorMapper(FindingAppeal.class)
@RegisterConstructorMapper(TimelineStep.class)
public interface RectificationDao {

    // ---- tasks

    @SqlUpdate
    @UseClasspathSqlLocator
    @GetGeneratedKeys("id")
    long insertTask(@Bind("unit") String unitCode, @BindMethods("f") Finding finding,
                    @Bind("indicatorName") String indicatorName, @BindMethods("e") Evidence evidence,
                    @Bind("day") LocalDate snapshotDay, @Bind("deadline") LocalDate deadline, @Bind("note") String note,
                    @Bind("actor") String issuedBy);

    @SqlQuery
    @UseClasspathSqlLocator
    List<RectificationTask> tasks(@Bind("id") Long id, @Bind("unit") String unitCode, @Bind("status") TaskStatus status,
                                  @Bind("overdueOnly") boolean overdueOnly, @Bind("today") LocalDate today);

    default Optional<RectificationTask> task(long id, LocalDate today) {
        return tasks(id, null, null, false, today).stream().findFirst();
    }

    @SqlQuery("SELECT id FROM rectification_tasks WHERE id = :id FOR UPDATE")
    Optional<Long> lockTask(@Bind("id") long id);

    /**
     * Tasks open at {@code end} (issued before it, not closed before it), overdue first: a task is overdue when its
     * deadline is before {@code asOf}, the report's day. {@code unit} null: every unit.
     */
    @SqlQuery("""
            SELECT t.unit_code, u.name AS unit_name, t.indicator_name || '：' || t.message AS task, t.deadline,
                   t.deadline < :asOf AS overdue
              FROM rectification_tasks t JOIN units u ON u.code = t.unit_code
             WHERE t.issued_at < :end AND (t.closed_at IS NULL OR t.closed_at >= :end)
               AND (CAST(:unit AS TEXT) IS NULL OR t.unit_code = :unit)
             ORDER BY t.deadline < :asOf DESC, t.deadline, t.unit_code, t.id
            """)
    @RegisterConstructorMapper(OpenTasks.Row.class)
    List<OpenTasks.Row> openAt(@Bind("end") Instant end, @Bind("asOf") LocalDate asOf, @Bind("unit") String unit);

    /**
     * Tasks issued or closed in {@code [start, end)}, in the order they were issued; the issue and close days in
     * {@code zone}, and no close day when the task was closed only after {@code end}.
     */
    @SqlQuery("""
            SELECT t.unit_code, u.name AS unit_name, t.indicator_name || '：' || t.message AS task,
                   CAST(t.issued_at AT TIME ZONE :zone AS DATE) AS issued_on, t.deadline,
                   CASE WHEN t.closed_at < :end THEN CAST(t.closed_at AT TIME ZONE :zone AS DATE) END AS closed_on
              FROM rectification_tasks t JOIN units u ON u.code = t.unit_code
             WHERE (t.issued_at >= :start AND t.issued_at < :end) OR (t.closed_at >= :start AND t.closed_at < :end)
             ORDER BY t.issued_at, t.id
            """)
    @RegisterConstructorMapper(PeriodTasks.Row.class)
    List<PeriodTasks.Row> issuedOrClosed(@Bind("start") Instant start, @Bind("end") Instant end,
                                         @Bind("zone") String zone);

    /** Tasks of the unit not closed for this finding: a second task for the same finding is not issued. */
    @SqlQuery("""
            SELECT id FROM rectification_tasks
             WHERE unit_code = :unit AND status <> 'CLOSED' AND indicator = :k.indicator AND finding_kind = :k.kind
               AND site_url IS NOT DISTINCT FROM :k.siteUrl AND evidence_url IS NOT DISTINCT FROM :k.evidenceUrl
            """)
    List<Long> openTasksFor(@Bind("unit") String unitCode, @BindMethods("k") FindingKey key);

    @SqlUpdate("UPDATE rectification_tasks SET reply = :reply, replied_at = now(), status = 'REPLIED' WHERE id = :id")
    void reply(@Bind("id") long id, @Bind("reply") String reply);

    @SqlUpdate("UPDATE rectification_tasks SET status = :status WHERE id = :id")
    void setStatus(@Bind("id") long id, @Bind("status") TaskStatus status);

    @SqlUpdate("""
            UPDATE rectification_tasks SET recheck_round_id = :round, recheck_run_id = :run
             WHERE unit_code = :unit AND status = 'RECHECKING'
            """)
    void recordRecheckRound(@Bind("unit") String unitCode, @Bind("round") long roundId, @Bind("run") long runId);

    @SqlUpdate("UPDATE rectification_tasks SET status = 'CLOSED', closed_at = now() WHERE id = :id")
    void close(@Bind("id") long id);

    /** Sent back after a re-check: the finding as it is now. */
    @SqlUpdate("""
            UPDATE rectification_tasks
               SET status = 'RETURNED', evidence_date = :e.date, http_status = :e.httpStatus, error_kind = :e.errorKind,
                   observed = :f.observed, threshold = :f.threshold, message = :f.message
             WHERE id = :id
            """)
    void returnWith(@Bind("id") long id, @BindMethods("f") Finding finding, @BindMethods("e") Evidence evidence);

    @SqlQuery("SELECT id FROM rectification_tasks WHERE unit_code = :unit AND status = 'RECHECKING' ORDER BY id")
    List<Long> recheckingTasks(@Bind("unit") String unitCode);

    /** The unit a crawl round was limited to (null for a round of every site). */
    @SqlQuery("SELECT unit_code FROM crawl_rounds WHERE id = :id AND unit_code IS NOT NULL")
    Optional<String> roundUnit(@Bind("id") long roundId);

    // ---- appeals

    @SqlUpdate("""
            INSERT INTO finding_appeals (unit_code, task_id, indicator, finding_kind, site_url, evidence_url, message,
                                         reason, submitted_by)
            VALUES (:unit, :task, :k.indicator, :k.kind, :k.siteUrl, :k.evidenceUrl, :message, :reason, :actor)
            """)
    @GetGeneratedKeys("id")
    long insertAppeal(@Bind("unit") String unitCode, @Bind("task") Long taskId, @BindMethods("k") FindingKey key,
                      @Bind("message") String message, @Bind("reason") String reason, @Bind("actor") String actor);

    @SqlQuery("""
            SELECT a.*, u.name AS unit_name FROM finding_appeals a JOIN units u ON u.code = a.unit_code
             WHERE (CAST(:id AS BIGINT) IS NULL OR a.id = :id)
               AND (CAST(:unit AS TEXT) IS NULL OR a.unit_code = :unit)
               AND (CAST(:status AS TEXT) IS NULL OR a.status = :status)
             ORDER BY a.id DESC
            """)
    List<FindingAppeal> appeals(@Bind("id") Long id, @Bind("unit") String unitCode,
                                @Bind("status") org.egovmonitor.reviews.ReviewStatus status);

    default Optional<FindingAppeal> appeal(long id) {
        return appeals(id, null, null).stream().findFirst();
    }

    @SqlQuery("""
            SELECT a.*, u.name AS unit_name FROM finding_appeals a JOIN units u ON u.code = a.unit_code
             WHERE a.id = :id FOR UPDATE OF a
            """)
    Optional<FindingAppeal> lockAppeal(@Bind("id") long id);

    @SqlQuery("""
            SELECT count(*) > 0 FROM finding_appeals
             WHERE unit_code = :unit AND status = 'PENDING' AND indicator = :k.indicator AND finding_kind = :k.kind
               AND site_url IS NOT DISTINCT FROM :k.siteUrl AND evidence_url IS NOT DISTINCT FROM :k.evidenceUrl
            """)
    boolean pendingAppealFor(@Bind("unit") String unitCode, @BindMethods("k") FindingKey key);

    @SqlUpdate("""
            UPDATE finding_appeals SET status = :status, reviewed_by = :reviewer, reviewed_at = now(),
                   review_comment = :comment
             WHERE id = :id
            """)
    void reviewAppeal(@Bind("id") long id, @Bind("status") String status, @Bind("reviewer") String reviewer,
                      @Bind("comment") String comment);

    // ---- timeline

    @SqlUpdate("""
            INSERT INTO rectification_events (unit_code, task_id, appeal_id, kind, actor, note)
            VALUES (:unit, :task, :appeal, :kind, :actor, :note)
            """)
    void step(@Bind("unit") String unitCode, @Bind("task") Long taskId, @Bind("appeal") Long appealId,
              @Bind("kind") StepKind kind, @Bind("actor") String actor, @Bind("note") String note);

    @SqlQuery("""
            SELECT id, task_id, appeal_id, unit_code, kind, actor, note, at FROM rectification_events
             WHERE (CAST(:task AS BIGINT) IS NULL OR task_id = :task)
               AND (CAST(:appeal AS BIGINT) IS NULL OR appeal_id = :appeal)
               AND (CAST(:unit AS TEXT) IS NULL OR unit_code = :unit)
             ORDER BY id
            """)
    List<TimelineStep> steps(@Bind("task") Long taskId, @Bind("appeal") Long appealId, @Bind("unit") String unitCode);
}
