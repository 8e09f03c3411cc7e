package org.egovmonitor.demo;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.collection.ContributionService;
import org.egovmonitor.collection.Contributions;
import org.egovmonitor.jobs.JobName;
import org.egovmonitor.jobs.JobRun;
import org.egovmonitor.jobs.JobRunStatus;
import org.egovmonitor.jobs.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo does once the server is up, so that a newcomer sees crawled data within about a minute: prints where
 * to look, runs an availability probe and a 信息报送 collection from the farm's portal, and reports the first crawl
 * round's progress (the round itself is triggered by {@link Scheduling#crawlAtStart()}, and its end triggers the
 * score snapshot) on stderr. Runs on one daemon thread; nothing here blocks the start.
 */
public final class DemoStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final Scheduling scheduling;
    private final ContributionService contributions;
    private final Clock clock;
    private final DemoFarm farm;
    private final PrintStream out;
    private final Instant bootedAt;

    public DemoStartup(Scheduling scheduling, ContributionService contributions, Clock clock, DemoFarm farm,
                       PrintStream out) {
        this.scheduling = scheduling;
        this.contributions = contributions;
        this.clock = clock;
        this.farm = farm;
        this.out = out;
        this.bootedAt = clock.instant();
    }

    /** Runs {@link #run} once the server listens. */
    public void register(Environment env) {
        env.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(org.eclipse.jetty.server.Server server) {
                int port = getLocalPort(server);
                Thread t = new Thread(() -> run(port), "demo-startup");
                t.setDaemon(true);
                t.start();
            }
        });
    }

    void run(int port) {
        Instant started = clock.instant();
        boolean jobs = scheduling.config().isEnabled();
        out.println("""

                ================================================================================
                  egov-monitor 演示模式 —— 以下均为示例数据（DEMO DATA），不是真实监测结果
                  打开 http://localhost:%d/  （登录账号见上方“演示账号”）
                  示例站点：%d 个网站由本机生成（端口 %d），以登记表中的网址提供，爬虫经 hostOverrides 访问
                  %s
                ================================================================================
                """.formatted(port, farm.siteCount(), farm.port(), jobs
                ? "首轮抓取、可用性探测、信息报送采集已启动；约一分钟后可看到排名与评分"
                : "scheduler.enabled=false：不会自动抓取（可在“任务”页手动触发）"));
        out.flush();
        if (!jobs) {
            return;
        }
        try {
            scheduling.scheduler().trigger(JobName.AVAILABILITY_PROBE, "DEMO", null);
        } catch (Exception e) {
            LOG.warn("Demo: could not trigger the availability probe", e);
        }
        try {
            Contributions.RoundResult r = contributions.collectFromPortal(contributions.registeredPortal(),
                    LocalDate.now(clock));
            out.printf("[演示] 信息报送采集：门户文章 %d 篇，标明来源 %d 篇，匹配到单位 %d 篇%n", r.stored(), r.withSource(),
                    r.mapped());
        } catch (RuntimeException e) {
            LOG.warn("Demo: contribution collection failed", e);
        }
        followFirstRound(started);
    }

    private void followFirstRound(Instant started) {
        String last = "";
        while (Duration.between(started, clock.instant()).compareTo(GIVE_UP) < 0) {
            Optional<JobRun> round = newest(JobName.CRAWL_ROUND);
            Optional<JobRun> snapshot = newest(JobName.SCORE_SNAPSHOT);  // of this start, not an older one
            String line;
            if (snapshot.isPresent() && snapshot.get().status() == JobRunStatus.SUCCEEDED) {
                out.printf("[演示] 评分快照完成（%d 秒）：排名、记分卡已有真实抓取数据%n",
                        Duration.between(started, clock.instant()).toSeconds());
                out.flush();
                return;
            } else if (round.isPresent()) {
                JobRun r = round.get();
                line = "[演示] 首轮抓取 " + r.done() + "/" + (r.total() == null ? "?" : r.total())
                        + (r.failed() > 0 ? "（失败 " + r.failed() + "）" : "") + " …";
            } else {
                line = "[演示] 等待首轮抓取开始 …";
            }
            if (!line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<JobRun> newest(JobName job) {
        try {
            List<JobRun> runs = scheduling.jobs().runs(job.id(), 1);
            return runs.stream().findFirst().filter(r -> r.startedAt() != null
                    && !r.startedAt().isBefore(bootedAt.minusSeconds(5)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
