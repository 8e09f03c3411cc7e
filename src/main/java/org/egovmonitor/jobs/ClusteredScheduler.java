package org.egovmonitor.jobs;

import io.dropwizard.lifecycle.Managed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.egovmonitor.platform.Messages;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's member of the Quartz cluster: JDBC job store in the application's PostgreSQL ({@code JobStoreTX},
 * {@code PostgreSQLDelegate}, clustered, {@code instanceId=AUTO}), connections from the application's pool.
 *
 * <p>At start the jobs are stored and their triggers created or rescheduled: a trigger that already exists with the
 * same schedule is left alone (so its next fire time, and any misfire, survive a restart), one whose schedule
 * changed is replaced, and a node that loses the race to create a trigger falls back to comparing. So any number of
 * nodes can start with the same configuration and the cluster holds one trigger per job.
 *
 * <p>Stop: standby (no new triggers), then {@code shutdown(true)} waiting at most {@link #STOP_WAIT_MS} for running
 * jobs. It is registered after the data source, so Dropwizard stops it first.
 */
public class ClusteredScheduler implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);
    static final String INSTANCE_NAME = "egov-monitor";
    static final long STOP_WAIT_MS = 60_000;
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private final Scheduler scheduler;
    private final SchedulerConfiguration config;
    private final ZoneId zone;
    private final List<Runnable> afterStart = new ArrayList<>();

    private ClusteredScheduler(Scheduler scheduler, SchedulerConfiguration config, ZoneId zone) {
        this.scheduler = scheduler;
        this.config = config;
        this.zone = zone;
    }

    /** Builds the scheduler in standby; nothing runs until {@link #start()}. */
    public static ClusteredScheduler create(SchedulerConfiguration config, ZoneId zone, DataSource dataSource,
                                            JobFactory jobFactory) throws SchedulerException {
        // One provider name per node: several nodes may live in one JVM (tests), each with its own pool.
        String dataSourceName = "egov-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new PooledConnectionProvider(dataSource));
        Scheduler scheduler = new StdSchedulerFactory(properties(config, dataSourceName)).getScheduler();
        // The repository maps a scheduler name to one instance per JVM; a cluster shares its name, so forget it
        // here and let the next node of this JVM (tests) build its own. Nothing of ours looks schedulers up by name.
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory(jobFactory);
        return new ClusteredScheduler(scheduler, config, zone);
    }

    static Properties properties(SchedulerConfiguration config, String dataSourceName) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", INSTANCE_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.instanceIdGenerator.class", NodeIdGenerator.class.getName());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.getThreadCount()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        // Without it two nodes were seen running the same trigger twice.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(config.getMisfireThreshold().toMilliseconds()));
        return p;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public String nodeId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs after the scheduler started (the demo's first crawl round). */
    public void afterStart(Runnable action) {
        afterStart.add(action);
    }

    @Override
    public void start() throws SchedulerException {
        storeJobs();
        ensureTriggers();
        scheduler.start();
        LOG.info("Quartz node {} started", nodeId());
        afterStart.forEach(Runnable::run);
    }

    @Override
    public void stop() throws InterruptedException {
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            LOG.warn("Standby failed: {}", e.toString());
        }
        Thread stopper = new Thread(() -> {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                LOG.warn("Scheduler shutdown failed: {}", e.toString());
            }
        }, "quartz-stop");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(STOP_WAIT_MS);
        if (stopper.isAlive()) {
            LOG.warn("Jobs still running after {} ms; stopping without them", STOP_WAIT_MS);
        } else {
            LOG.info("Quartz node stopped");
        }
    }

    /** Stores (or updates) every job definition; durable, so jobs without a trigger of their own stay. */
    public void storeJobs() throws SchedulerException {
        for (JobName job : JobName.values()) {
            JobDetail detail = JobBuilder.newJob(job.jobClass()).withIdentity(job.key())
                    .withDescription(job.description()).storeDurably()
                    // a probe interrupted by a dying node is re-run elsewhere; a round is never created twice
                    .requestRecovery(job != JobName.CRAWL_ROUND)
                    .build();
            scheduler.addJob(detail, true);
        }
    }

    /** Creates missing triggers and replaces those whose schedule changed; leaves unchanged ones alone. */
    void ensureTriggers() throws SchedulerException {
        for (Trigger wanted : wantedTriggers()) {
            Trigger existing = scheduler.getTrigger(wanted.getKey());
            if (existing == null) {
                try {
                    scheduler.scheduleJob(wanted);
                    LOG.info("Trigger {} created: {}", wanted.getKey().getName(), describe(wanted));
                    continue;
                } catch (ObjectAlreadyExistsException race) {
                    existing = scheduler.getTrigger(wanted.getKey());
                }
            }
            if (existing != null && !sameSchedule(existing, wanted)) {
                scheduler.rescheduleJob(wanted.getKey(), wanted);
                LOG.info("Trigger {} rescheduled: {} (was {})", wanted.getKey().getName(), describe(wanted),
                        describe(existing));
            }
        }
    }

    List<Trigger> wantedTriggers() {
        long now = System.currentTimeMillis();
        Trigger crawl = cron(JobName.CRAWL_ROUND, config.getCrawlCron(), config.getCrawlMisfire());
        Trigger retention = cron(JobName.RETENTION, config.getRetentionCron(), config.getRetentionMisfire());
        Trigger bulletins = cron(JobName.BULLETINS, config.getBulletinCron(), config.getBulletinMisfire());
        return List.of(crawl, retention, bulletins,
                repeating(JobName.AVAILABILITY_PROBE, config.getAvailabilityEvery().toMilliseconds(),
                        config.getAvailabilityMisfire(), now),
                repeating(JobName.NODE_PROBE, config.getNodeProbeEvery().toMilliseconds(),
                        config.getNodeProbeMisfire(), now),
                repeating(JobName.ALERT_DELIVERY, config.getAlertDeliveryEvery().toMilliseconds(),
                        config.getAlertDeliveryMisfire(), now));
    }

    /** A cron trigger in the city's time zone. */
    private Trigger cron(JobName job, String expression, MisfirePolicy misfire) {
        org.quartz.impl.triggers.CronTriggerImpl t = (org.quartz.impl.triggers.CronTriggerImpl) TriggerBuilder
                .newTrigger().withIdentity(triggerKey(job)).forJob(job.key())
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).inTimeZone(TimeZone.getTimeZone(zone)))
                .build();
        t.setMisfireInstruction(misfire.cronInstruction());
        return t;
    }

    private static Trigger repeating(JobName job, long everyMs, MisfirePolicy misfire, long now) {
        SimpleScheduleBuilder schedule = SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(everyMs)
                .repeatForever();
        org.quartz.impl.triggers.SimpleTriggerImpl t = (org.quartz.impl.triggers.SimpleTriggerImpl) TriggerBuilder
                .newTrigger().withIdentity(triggerKey(job)).forJob(job.key()).withSchedule(schedule)
                // the first run one interval after the trigger is created, not at every cluster start
                .startAt(new Date(now + everyMs)).build();
        t.setMisfireInstruction(misfire.repeatingInstruction());
        return t;
    }

    static TriggerKey triggerKey(JobName job) {
        return TriggerKey.triggerKey(job.id(), JobName.GROUP);
    }

    static boolean sameSchedule(Trigger a, Trigger b) {
        if (a.getMisfireInstruction() != b.getMisfireInstruction()) {
            return false;
        }
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression())
                    && ca.getTimeZone().getID().equals(cb.getTimeZone().getID());
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval() && sa.getRepeatCount() == sb.getRepeatCount();
        }
        return false;
    }

    static String describe(Trigger t) {
        if (t instanceof CronTrigger c) {
            return "cron " + c.getCronExpression() + " (" + c.getTimeZone().getID() + ")";
        }
        if (t instanceof SimpleTrigger s) {
            return "every " + java.time.Duration.ofMillis(s.getRepeatInterval());
        }
        return t.getClass().getSimpleName();
    }

    /** A trigger's schedule as users read it: 每 30 分钟, 每天 02:00, 每周一 08:00, else 定时（the cron expression）. */
    static String scheduleLabel(Trigger t) {
        if (t instanceof CronTrigger c) {
            return cronLabel(c.getCronExpression());
        }
        if (t instanceof SimpleTrigger s) {
            return everyLabel(java.time.Duration.ofMillis(s.getRepeatInterval()));
        }
        return Messages.get("schedule.cron", t.getKey().getName());
    }

    static String everyLabel(java.time.Duration every) {
        long seconds = every.toSeconds();
        if (seconds % 86_400 == 0) {
            return Messages.get("schedule.everyDays", seconds / 86_400);
        }
        if (seconds % 3_600 == 0) {
            return Messages.get("schedule.everyHours", seconds / 3_600);
        }
        if (seconds % 60 == 0) {
            return Messages.get("schedule.everyMinutes", seconds / 60);
        }
        return Messages.get("schedule.everySeconds", seconds);
    }

    /**
     * A Quartz cron expression (seconds minutes hours day-of-month month day-of-week) at a fixed time of every day
     * or of one weekday in words; anything else is shown as the expression itself.
     */
    static String cronLabel(String cron) {
        String[] f = cron.trim().split("\\s+");
        boolean fixedTime = f.length >= 6 && f[0].matches("\\d+") && f[1].matches("\\d+") && f[2].matches("\\d+");
        boolean everyDay = fixedTime && f[3].matches("[*?]") && f[4].equals("*");
        if (everyDay) {
            String time = String.format(java.util.Locale.ROOT, "%02d:%02d", Integer.parseInt(f[2]),
                    Integer.parseInt(f[1]));
            if (f[5].matches("[*?]")) {
                return Messages.get("schedule.daily", time);
            }
            String day = "schedule.weekday." + f[5].toUpperCase(java.util.Locale.ROOT);
            if (Messages.has(day)) {
                return Messages.get("schedule.weekly", Messages.get(day), time);
            }
        }
        return Messages.get("schedule.cron", cron);
    }

    static String misfireName(Trigger t) {
        int m = t.getMisfireInstruction();
        if (t instanceof CronTrigger) {
            return m == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW ? MisfirePolicy.FIRE_NOW.name()
                    : m == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING ? MisfirePolicy.DO_NOTHING.name() : "SMART";
        }
        return m == SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT
                ? MisfirePolicy.FIRE_NOW.name()
                : m == SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT
                ? MisfirePolicy.DO_NOTHING.name() : "SMART";
    }

    /** Asks the cluster to run {@code job} now (any node may take it). */
    public void trigger(JobName job, String cause, JobDataMap extra) throws SchedulerException {
        JobDataMap data = new JobDataMap();
        if (extra != null) {
            data.putAll(extra);
        }
        data.put(RecordedJob.CAUSE, cause);
        scheduler.triggerJob(job.key(), data);
    }
}
