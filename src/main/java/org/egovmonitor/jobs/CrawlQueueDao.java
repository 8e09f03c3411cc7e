package org.egovmonitor.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Crawl rounds and their work items, shared by the crawl workers of every node. */
@RegisterConstructorMapper(CrawlQueueDao.ClaimedItem.class)
@RegisterConstructorMapper(CrawlQueueDao.RoundProgress.class)
@RegisterConstructorMapper(CrawlQueueDao.RoundRecord.class)
@RegisterConstructorMapper(CrawlQueueDao.SiteSeconds.class)
@RegisterConstructorMapper(RunningRound.class)
public interface CrawlQueueDao {

    /** A claimed item; {@code attempt} is the claim's fencing token. */
    record ClaimedItem(long id, long roundId, long runId, long siteId, String url, String kind, int attempt,
                       LocalDate measuredOn) {
    }

    record RoundProgress(long roundId, long runId, String status, int total, int done, int failed, int pending) {
    }

    /**
     * A round with its sizing; {@code finished} counts its items measured or failed for good (its run's progress),
     * {@code finishedAt} is null while it runs.
     */
    record RoundRecord(long id, long runId, String status, int total, int finished, Instant createdAt,
                       Instant finishedAt, Long windowMs, Integer workersNeeded, Integer workersPerNode,
                       String sizingNote, String overrunNote) {
    }

    /** The 90th percentile of recent per-site measure times, over {@code sampled} sites (0: no history). */
    record SiteSeconds(int sampled, Double p90) {
    }

    @SqlUpdate("""
            INSERT INTO crawl_rounds (run_id, unit_code, total, measured_on)
            VALUES (:runId, :unitCode, 0, :measuredOn)
            """)
    @GetGeneratedKeys("id")
    long createRound(@Bind("runId") long runId, @Bind("unitCode") String unitCode,
                     @Bind("measuredOn") LocalDate measuredOn);

    /** One item per monitored site (of the unit, when given); returns the number of items. */
    @SqlUpdate("""
            INSERT INTO crawl_items (round_id, site_id, url, kind)
            SELECT :roundId, s.id, s.url, s.kind FROM sites s
             WHERE s.monitored AND (CAST(:unitCode AS TEXT) IS NULL OR s.unit_code = :unitCode)
             ORDER BY s.id
            """)
    int addItems(@Bind("roundId") long roundId, @Bind("unitCode") String unitCode);

    @SqlUpdate("UPDATE crawl_rounds SET total = :total WHERE id = :id")
    int setRoundTotal(@Bind("id") long id, @Bind("total") int total);

    /**
     * Claims the oldest claimable item: pending and due, or claimed by a node whose lease ran out. Locked rows are
     * skipped, so concurrent workers on any node never get the same item.
     */
    @SqlQuery("""
            UPDATE crawl_items i
               SET status = 'CLAIMED', claimed_by = :node, attempts = i.attempts + 1, claimed_at = now(),
                   lease_until = now() + make_interval(secs => :leaseSeconds),
                   error = CASE WHEN i.status = 'CLAIMED' THEN 'lease of ' || i.claimed_by || ' expired'
                                ELSE i.error END
              FROM (SELECT id FROM crawl_items
                     WHERE (status = 'PENDING' AND next_attempt_at <= now())
                        OR (status = 'CLAIMED' AND lease_until < now())
                     ORDER BY id
                     LIMIT 1
                       FOR UPDATE SKIP LOCKED) c,
                   crawl_rounds r
             WHERE i.id = c.id AND r.id = i.round_id
            RETURNING i.id, i.round_id, r.run_id, i.site_id, i.url, i.kind, i.attempts AS attempt, r.measured_on
            """)
    Optional<ClaimedItem> claim(@Bind("node") String node, @Bind("leaseSeconds") int leaseSeconds);

    /**
     * Extends the lease of an item this node is still measuring (same claim: node and attempt), so that a slow site
     * is not taken over from a live node; only a node that stopped renewing loses its claims.
     */
    @SqlUpdate("""
            UPDATE crawl_items SET lease_until = now() + make_interval(secs => :leaseSeconds)
             WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :node AND attempts = :attempt
            """)
    int renewLease(@Bind("id") long id, @Bind("node") String node, @Bind("attempt") int attempt,
                   @Bind("leaseSeconds") int leaseSeconds);

    @SqlUpdate("""
            UPDATE crawl_items
               SET status = 'DONE', stored = :stored, error = NULL, lease_until = NULL, finished_at = now()
             WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :node AND attempts = :attempt
            """)
    int markDone(@Bind("id") long id, @Bind("node") String node, @Bind("attempt") int attempt,
                 @Bind("stored") boolean stored);

    /** Back to PENDING after the backoff, or FAILED when this was the last attempt; returns the new status. */
    @SqlQuery("""
            UPDATE crawl_items
               SET status = CASE WHEN attempts >= :maxAttempts THEN 'FAILED' ELSE 'PENDING' END,
                   next_attempt_at = now() + make_interval(secs => :backoffSeconds),
                   finished_at = CASE WHEN attempts >= :maxAttempts THEN now() END,
                   error = :error, lease_until = NULL
             WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :node AND attempts = :attempt
            RETURNING status
            """)
    Optional<String> markFailed(@Bind("id") long id, @Bind("node") String node, @Bind("attempt") int attempt,
                                @Bind("error") String error, @Bind("maxAttempts") int maxAttempts,
                                @Bind("backoffSeconds") double backoffSeconds);

    /** A node stopping gracefully hands its unfinished claims back at once instead of waiting for the lease. */
    @SqlUpdate("""
            UPDATE crawl_items SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL,
                                   next_attempt_at = now()
             WHERE id = :id AND status = 'CLAIMED' AND claimed_by = :node AND attempts = :attempt
            """)
    int release(@Bind("id") long id, @Bind("node") String node, @Bind("attempt") int attempt);

    /** Finishes a running round with nothing left to do; returns its run id to the one caller that finished it. */
    @SqlQuery("""
            UPDATE crawl_rounds r SET status = 'FINISHED', finished_at = now()
             WHERE r.id = :id AND r.status = 'RUNNING'
               AND NOT EXISTS (SELECT 1 FROM crawl_items i
                                WHERE i.round_id = r.id AND i.status IN ('PENDING', 'CLAIMED'))
            RETURNING r.run_id
            """)
    Optional<Long> finishIfComplete(@Bind("id") long roundId);

    @SqlQuery("SELECT id FROM crawl_rounds WHERE status = 'RUNNING' ORDER BY id")
    List<Long> runningRounds();

    /** The running rounds with whose they are (a unit's, or the city's) and how far they got, oldest first. */
    @SqlQuery("""
            SELECT r.id AS round_id, r.run_id, r.unit_code, u.name AS unit_name, r.total,
                   count(i.id) FILTER (WHERE i.status = 'DONE') AS done,
                   count(i.id) FILTER (WHERE i.status = 'FAILED') AS failed, r.created_at AS started_at
              FROM crawl_rounds r
              LEFT JOIN units u ON u.code = r.unit_code
              LEFT JOIN crawl_items i ON i.round_id = r.id
             WHERE r.status = 'RUNNING'
             GROUP BY r.id, u.name
             ORDER BY r.id
            """)
    List<RunningRound> running();

    @SqlQuery("""
            SELECT r.id AS round_id, r.run_id, r.status, r.total,
                   count(*) FILTER (WHERE i.status = 'DONE') AS done,
                   count(*) FILTER (WHERE i.status = 'FAILED') AS failed,
                   count(*) FILTER (WHERE i.status IN ('PENDING', 'CLAIMED')) AS pending
              FROM crawl_rounds r LEFT JOIN crawl_items i ON i.round_id = r.id
             WHERE r.id = :id
             GROUP BY r.id
            """)
    Optional<RoundProgress> progress(@Bind("id") long roundId);

    @SqlUpdate("""
            UPDATE crawl_rounds
               SET window_ms = :windowMs, workers_needed = :needed, workers_per_node = :workers,
                   sizing_note = :note
             WHERE id = :id
            """)
    int recordSizing(@Bind("id") long roundId, @Bind("windowMs") long windowMs,
                     @Bind("needed") Integer needed, @Bind("workers") int workers, @Bind("note") String note);

    /** Keeps the first overrun sentence of a round; returns 1 to the caller that set it. */
    @SqlUpdate("UPDATE crawl_rounds SET overrun_note = :note WHERE id = :id AND overrun_note IS NULL")
    int recordOverrun(@Bind("id") long roundId, @Bind("note") String note);

    @SqlQuery("""
            SELECT r.id, r.run_id, r.status, r.total, j.done AS finished, r.created_at, r.finished_at,
                   r.window_ms, r.workers_needed, r.workers_per_node, r.sizing_note, r.overrun_note
              FROM crawl_rounds r JOIN job_runs j ON j.id = r.run_id
             WHERE r.id = :id
            """)
    Optional<RoundRecord> round(@Bind("id") long roundId);

    /**
     * Claim-to-done time of the most recent measured sites (any round, any node). Items from before claimed_at
     * existed, and failed items (their time is mostly backoff), do not count.
     */
    @SqlQuery("""
            SELECT count(*) AS sampled,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) AS p90
              FROM (SELECT extract(epoch FROM finished_at - claimed_at) AS secs
                      FROM crawl_items
                     WHERE status = 'DONE' AND claimed_at IS NOT NULL
                     ORDER BY finished_at DESC
                     LIMIT :limit) recent
            """)
    SiteSeconds recentSiteSeconds(@Bind("limit") int limit);

    /**
     * Quartz nodes that checked in lately (as {@code JobRunDao.failAbandoned} judges them): the nodes that share a
     * round's items. A web-only node never checks in; a node without crawl workers does and is counted.
     */
    @SqlQuery("""
            SELECT count(*) FROM qrtz_scheduler_state s
             WHERE s.last_checkin_time >= (extract(epoch FROM clock_timestamp()) * 1000)::bigint
                                          - greatest(4 * s.checkin_interval, :graceMs)
            """)
    int liveNodes(@Bind("graceMs") long graceMs);

    @SqlQuery("SELECT max(created_at) FROM crawl_rounds")
    Optional<java.time.OffsetDateTime> newestRoundCreatedAt();
}
