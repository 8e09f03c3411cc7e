package org.egovmonitor.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.db.Columns;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(JobRunDao.RunMapper.class)
@RegisterRowMapper(JobRunDao.FailureMapper.class)
public interface JobRunDao {

    @SqlUpdate("""
            INSERT INTO job_runs (job, instance_id, cause, scheduled_for, total)
            VALUES (:job, :instanceId, :cause, :scheduledFor, :total)
            """)
    @GetGeneratedKeys("id")
    long start(@Bind("job") String job, @Bind("instanceId") String instanceId, @Bind("cause") String cause,
               @Bind("scheduledFor") Instant scheduledFor, @Bind("total") Integer total);

    @SqlUpdate("UPDATE job_runs SET total = :total WHERE id = :id")
    int setTotal(@Bind("id") long id, @Bind("total") int total);

    @SqlUpdate("UPDATE job_runs SET message = :message WHERE id = :id")
    int setMessage(@Bind("id") long id, @Bind("message") String message);

    @SqlUpdate("UPDATE job_runs SET message = concat_ws('', message, :message) WHERE id = :id")
    int appendMessage(@Bind("id") long id, @Bind("message") String message);

    @SqlUpdate("UPDATE job_runs SET done = done + :done, failed = failed + :failed WHERE id = :id")
    int addProgress(@Bind("id") long id, @Bind("done") int done, @Bind("failed") int failed);

    /** Finishes a RUNNING run; a run already finished is left alone (returns 0). */
    @SqlUpdate("""
            UPDATE job_runs SET status = :status, finished_at = now(), message = :message
             WHERE id = :id AND status = 'RUNNING'
            """)
    int finish(@Bind("id") long id, @Bind("status") JobRunStatus status, @Bind("message") String message);

    /**
     * Fails the RUNNING runs left by nodes that stopped checking in to the Quartz cluster (killed, or cut off), so
     * the office does not see them "running" for ever. Crawl rounds are left alone (any node's workers finish a
     * round), and so are command-line runs (no Quartz node); a run younger than {@code graceMs} is never touched.
     */
    @SqlUpdate("""
            UPDATE job_runs r
               SET status = 'FAILED', finished_at = now(), message = :before || r.instance_id || :after
             WHERE r.status = 'RUNNING' AND r.job <> :roundJob AND r.cause <> 'CLI'
               AND r.started_at < now() - make_interval(secs => :graceMs / 1000.0)
               AND NOT EXISTS (
                   SELECT 1 FROM qrtz_scheduler_state s
                    WHERE s.instance_name = r.instance_id
                      AND s.last_checkin_time >= (extract(epoch FROM clock_timestamp()) * 1000)::bigint
                                                 - greatest(4 * s.checkin_interval, :graceMs))
            """)
    int failAbandoned(@Bind("roundJob") String roundJob, @Bind("graceMs") long graceMs,
                      @Bind("before") String before, @Bind("after") String after);

    @SqlUpdate("INSERT INTO job_run_failures (run_id, subject, reason) VALUES (:runId, :subject, :reason)")
    void addFailure(@Bind("runId") long runId, @Bind("subject") String subject, @Bind("reason") String reason);

    /** A run's columns and, for a crawl round's run, its round's (r_*; null otherwise). */
    String RUN_WITH_ROUND = """
            SELECT j.*, r.id AS r_id, r.window_ms AS r_window_ms, r.workers_needed AS r_workers_needed,
                   r.workers_per_node AS r_workers_per_node, r.sizing_note AS r_sizing_note,
                   r.overrun_note AS r_overrun_note
              FROM job_runs j LEFT JOIN crawl_rounds r ON r.run_id = j.id
            """;

    @SqlQuery(RUN_WITH_ROUND + " WHERE j.id = :id")
    Optional<JobRun> find(@Bind("id") long id);

    @SqlQuery(RUN_WITH_ROUND + """
             WHERE (CAST(:job AS TEXT) IS NULL OR j.job = :job)
             ORDER BY j.started_at DESC, j.id DESC
             LIMIT :limit
            """)
    List<JobRun> newest(@Bind("job") String job, @Bind("limit") int limit);

    @SqlQuery("SELECT subject, reason, at FROM job_run_failures WHERE run_id = :runId ORDER BY id")
    List<JobRunFailure> failures(@Bind("runId") long runId);

    final class RunMapper implements RowMapper<JobRun> {
        @Override
        public JobRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            int total = rs.getInt("total");
            Integer totalOrNull = rs.wasNull() ? null : total;
            return new JobRun(rs.getLong("id"), rs.getString("job"), rs.getString("instance_id"),
                    rs.getString("cause"), Columns.instant(rs, "scheduled_for"), Columns.instant(rs, "started_at"),
                    Columns.instant(rs, "finished_at"), JobRunStatus.valueOf(rs.getString("status")), rs.getInt("done"),
                    totalOrNull, rs.getInt("failed"), rs.getString("message"), round(rs));
        }

        /** The round's stored facts; the estimate is added by the service, which knows the time. */
        private static CrawlRoundInfo round(ResultSet rs) throws SQLException {
            long id = rs.getLong("r_id");
            if (rs.wasNull()) {
                return null;
            }
            String overrun = rs.getString("r_overrun_note");
            return new CrawlRoundInfo(id, (Long) rs.getObject("r_window_ms"), (Integer) rs.getObject("r_workers_needed"),
                    (Integer) rs.getObject("r_workers_per_node"), rs.getString("r_sizing_note"), null, null, null, null,
                    overrun != null, overrun);
        }
    }

    final class FailureMapper implements RowMapper<JobRunFailure> {
        @Override
        public JobRunFailure map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new JobRunFailure(rs.getString("subject"), rs.getString("reason"), Columns.instant(rs, "at"));
        }
    }
}
