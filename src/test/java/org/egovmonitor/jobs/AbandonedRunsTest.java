package org.egovmonitor.jobs;

import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs left RUNNING by a node that stopped checking in to the Quartz cluster are failed by the next recorded job on
 * any node; everything else is left alone. Node liveness is Quartz's own QRTZ_SCHEDULER_STATE table on real
 * PostgreSQL.
 */
class AbandonedRunsTest {

    private Jdbi jdbi;
    private RunRecorder runs;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        runs = new RunRecorder(jdbi);
        checkIn("live-node", 0);
        checkIn("silent-node", 10 * 60);
    }

    /** A Quartz node's row: checked in {@code secondsAgo} seconds ago, every 7.5 s. */
    private void checkIn(String node, int secondsAgo) {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)
                VALUES ('egov', ?, (extract(epoch FROM now()) * 1000)::bigint - ? * 1000, 7500)
                """, node, secondsAgo));
    }

    private long run(JobName job, String node, String cause, int minutesAgo) {
        long id = runs.start(job, node, cause, null);
        jdbi.useHandle(h -> h.execute("UPDATE job_runs SET started_at = now() - make_interval(mins => ?) WHERE id = ?",
                minutesAgo, id));
        return id;
    }

    private JobRun find(long id) {
        return jdbi.withExtension(JobRunDao.class, d -> d.find(id)).orElseThrow();
    }

    @Test
    void failAbandoned_failsOnlyOldRunsOfSilentOrVanishedNodes() {
        long silent = run(JobName.AVAILABILITY_PROBE, "silent-node", "SCHEDULED", 20);
        long vanished = run(JobName.SCORE_SNAPSHOT, "gone-node", "FOLLOW_UP", 20);
        long live = run(JobName.NODE_PROBE, "live-node", "SCHEDULED", 20);
        long young = run(JobName.NODE_PROBE, "gone-node", "MANUAL", 0);
        long round = run(JobName.CRAWL_ROUND, "gone-node", "SCHEDULED", 20);
        long cli = run(JobName.CRAWL_ROUND, "crawl-now-1", "CLI", 20);
        long finished = run(JobName.AVAILABILITY_PROBE, "gone-node", "SCHEDULED", 20);
        runs.succeeded(finished, "完成");

        assertThat(runs.failAbandoned()).isEqualTo(2);

        for (long id : new long[] {silent, vanished}) {
            JobRun r = find(id);
            assertThat(r.status()).isEqualTo(JobRunStatus.FAILED);
            assertThat(r.message()).contains(r.instanceId()).contains("已停止响应");
            assertThat(r.finishedAt()).isNotNull();
        }
        for (long id : new long[] {live, young, round, cli}) {
            assertThat(find(id).status()).as("run %d", id).isEqualTo(JobRunStatus.RUNNING);
        }
        assertThat(find(finished).status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(runs.failAbandoned()).isZero();
    }
}
