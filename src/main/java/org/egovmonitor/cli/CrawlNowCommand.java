package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.alerts.AlertHooks;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.jobs.BulletinJob;
import org.egovmonitor.jobs.CrawlMachinery;
import org.egovmonitor.jobs.CrawlQueueDao.RoundProgress;
import org.egovmonitor.jobs.CrawlRounds;
import org.egovmonitor.jobs.CrawlStage;
import org.egovmonitor.jobs.CrawlWorkerPool;
import org.egovmonitor.jobs.RetentionJob;
import org.egovmonitor.jobs.SchedulerConfiguration;
import org.egovmonitor.jobs.Scheduling;
import org.egovmonitor.jobs.ScoreSnapshotJob;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.UnitDao;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code crawl-now [--unit CODE] [--config FILE]}: one crawl round now, worked off by this process's crawl workers
 * (running app nodes claim items of the same round too). A progress bar goes to stderr; the summary is one JSON
 * line on stdout. Exit 0 once the round finished, whatever the sites answered: unreachable sites are data.
 */
public class CrawlNowCommand extends DatabaseCommand {

    private static final int BAR_WIDTH = 30;

    public CrawlNowCommand() {
        super("crawl-now", "立即执行一轮抓取（可限定单位），显示进度");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--unit").dest("unit").help(Messages.get("cli.option.crawlNow.unit"));
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        String unit = namespace.getString("unit");
        if (unit != null && jdbi.withExtension(UnitDao.class, d -> d.find(unit.strip())).isEmpty()) {
            throw new CommandFailedException(Messages.get("error.unitNotFound", unit));
        }
        SchedulerConfiguration sc = config.getScheduler();
        // The same machinery as the server's crawl workers; the server's own ports are not fetched from here either
        // (it may run on this machine).
        CrawlMachinery crawl = CrawlMachinery.build(CrawlerFiles.load(config.crawlersPath()), sc, dataSource,
                s -> s.withOwnPorts(config.configuredPorts()), new ObservationStore(jdbi));
        Clock clock = Clock.system(config.zoneId());
        CrawlStage stage = crawl.stage();
        PrintStream err = System.err;
        try (crawl) {
            Scheduling scheduling = crawl.scheduling(config.zoneId(), clock, jdbi, dataSource,
                    ScoreSnapshotJob.Task.NONE, RetentionJob.Task.NONE, BulletinJob.Task.NONE,
                    AlertHooks.NONE);
            // never started here: it only hands the score snapshot to the cluster when the round ends
            scheduling.scheduler().storeJobs();
            CrawlRounds rounds = scheduling.rounds();
            CrawlWorkerPool workers = new CrawlWorkerPool(scheduling.scheduler().nodeId(), sc, jdbi,
                    stage.measurer(), stage.store(), rounds, clock);
            long started = System.nanoTime();
            CrawlRounds.Started round;
            try {
                round = rounds.start(unit == null ? null : unit.strip(), scheduling.scheduler().nodeId(), "CLI", null);
            } catch (org.egovmonitor.jobs.RoundRunningException e) {
                throw new CommandFailedException(e.getMessage());
            }
            workers.start();
            RoundProgress p;
            String last = "";
            try {
                while (true) {
                    p = rounds.progress(round.roundId()).orElseThrow();
                    String bar = bar(p);
                    if (!bar.equals(last)) {
                        err.print("\r" + bar);
                        err.flush();
                        last = bar;
                    }
                    if (p.status().equals("FINISHED")) {
                        break;
                    }
                    Thread.sleep(200);
                }
            } finally {
                workers.stop();
            }
            err.println();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT,
                    "{\"round\":%d,\"run\":%d,\"sites\":%d,\"measured\":%d,\"failed\":%d,\"seconds\":%.1f}%n",
                    round.roundId(), round.runId(), p.total(), p.done(), p.failed(), seconds);
            System.out.flush();
        }
    }

    static String bar(RoundProgress p) {
        int finished = p.done() + p.failed();
        int filled = p.total() == 0 ? BAR_WIDTH : (int) ((long) finished * BAR_WIDTH / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + finished + "/" + p.total()
                + "  " + Messages.get("cli.msg.crawlFailed", p.failed());
    }
}
