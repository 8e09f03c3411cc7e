package org.egovmonitor.jobs;

import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.ZoneId;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.fetch.HostGates;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.jobs.SchedulingFixtures.await;
import static org.egovmonitor.jobs.SchedulingFixtures.count;

/**
 * Restarts of a node against the shared Quartz tables: a fire time missed while the node was down is handled as the
 * configured misfire policy says, and a restart with a changed schedule replaces the trigger without duplicating it.
 */
class MisfireTest {

    private final TestPostgres.TestDatabase db = TestPostgres.newDatabase();
    private final Jdbi jdbi = db.jdbi();
    private Scheduling node;

    @AfterEach
    void stopNode() throws Exception {
        if (node != null) {
            node.scheduler().stop();
            node.close();
        }
    }

    private Scheduling start(MisfirePolicy policy, Duration every) throws Exception {
        SchedulerConfiguration config = new SchedulerConfiguration();
        config.setNodeProbeEvery(every);
        config.setNodeProbeMisfire(policy);
        config.setCrawlWorkersPerNode("0");
        PGSimpleDataSource ds = SchedulingFixtures.dataSource(db);
        Scheduling s = Scheduling.create(config, ZoneId.of("Asia/Shanghai"), Clock.systemUTC(), jdbi, ds,
                FetchSettings.defaults(), new HostGates(FetchSettings.defaults()), new CrawlStage(null, null),
                ScoreSnapshotJob.Task.NONE, RetentionJob.Task.NONE, BulletinJob.Task.NONE, AlertHooks.NONE);
        s.scheduler().start();
        return s;
    }

    /** Simulates downtime: the node-probe trigger should have fired an hour ago. */
    private void missFireTime() throws Exception {
        node.scheduler().stop();
        node.close();
        node = null;
        jdbi.useHandle(h -> h.execute("UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = 'node-probe'",
                System.currentTimeMillis() - 3_600_000L));
    }

    private long nextFireTime() {
        return count(jdbi, "SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'node-probe'");
    }

    @Test
    void restart_missedFireTimeWithFireNow_runsOnceAtStart() throws Exception {
        node = start(MisfirePolicy.FIRE_NOW, Duration.hours(1));
        missFireTime();
        long restarted = System.currentTimeMillis();
        node = start(MisfirePolicy.FIRE_NOW, Duration.hours(1));

        await("the missed run", java.time.Duration.ofSeconds(60), () -> count(jdbi,
                "SELECT count(*) FROM job_runs WHERE job = 'node-probe' AND status = 'SUCCEEDED'") == 1);
        assertThat(count(jdbi, "SELECT count(*) FROM job_runs WHERE job = 'node-probe'"
                + " AND cause = 'SCHEDULED' AND scheduled_for >= to_timestamp(?)", (restarted - 60_000) / 1000.0))
                .as("fired for now, not for the missed time").isEqualTo(1);
        assertThat(nextFireTime()).isGreaterThan(System.currentTimeMillis() + 3_000_000L);
    }

    @Test
    void restart_missedFireTimeWithDoNothing_waitsForNextFireTime() throws Exception {
        node = start(MisfirePolicy.DO_NOTHING, Duration.hours(1));
        missFireTime();
        node = start(MisfirePolicy.DO_NOTHING, Duration.hours(1));

        await("the misfire to be handled", java.time.Duration.ofSeconds(60),
                () -> nextFireTime() > System.currentTimeMillis());
        // No waiting for a run that should not come: Quartz marks a firing (qrtz_fired_triggers) in the transaction
        // that moves next_fire_time on, and the job records its run before that mark is removed. Read together
        // (one statement, one snapshot), neither means the missed time was not fired, and nothing fires before the
        // next fire time, an hour away.
        assertThat(count(jdbi, "SELECT (SELECT count(*) FROM qrtz_fired_triggers WHERE trigger_name = 'node-probe')"
                + " + (SELECT count(*) FROM job_runs WHERE job = 'node-probe')")).isZero();
        assertThat(nextFireTime()).isGreaterThan(System.currentTimeMillis() + 30 * 60_000L);
    }

    @Test
    void restart_changedSchedule_rescheduledWithoutDuplicates() throws Exception {
        node = start(MisfirePolicy.DO_NOTHING, Duration.hours(1));
        long firstNext = nextFireTime();
        node.scheduler().stop();
        node.close();
        node = start(MisfirePolicy.DO_NOTHING, Duration.hours(1));
        assertThat(nextFireTime()).as("unchanged schedule left alone").isEqualTo(firstNext);
        node.scheduler().stop();
        node.close();

        node = start(MisfirePolicy.FIRE_NOW, Duration.hours(2));
        assertThat(count(jdbi, "SELECT count(*) FROM qrtz_triggers"))
                .isEqualTo(node.scheduler().wantedTriggers().size());
        assertThat(count(jdbi, "SELECT repeat_interval FROM qrtz_simple_triggers WHERE trigger_name = 'node-probe'"))
                .isEqualTo(7_200_000L);
        assertThat(count(jdbi, "SELECT misfire_instr FROM qrtz_triggers WHERE trigger_name = 'node-probe'"))
                .isEqualTo(MisfirePolicy.FIRE_NOW.repeatingInstruction());
    }
}
