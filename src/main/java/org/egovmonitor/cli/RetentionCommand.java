package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.jobs.JobName;
import org.egovmonitor.jobs.NodeIdGenerator;
import org.egovmonitor.jobs.RunRecorder;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.retention.RetentionService;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code retention [--dry-run] [--config FILE]}: the daily retention run now, as the scheduled job does it and
 * recorded as a run of that job (cause CLI); {@code --dry-run} only says what would be rolled up and deleted.
 * Progress goes to stderr, the summary to stdout.
 */
public class RetentionCommand extends DatabaseCommand {

    public RetentionCommand() {
        super("retention", "立即执行数据保留：把超过保留期的原始观测汇总为每日事实并删除（--dry-run 只列出）");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--dry-run").dest("dryRun").action(Arguments.storeTrue())
                .help(Messages.get("cli.option.retention.dryRun"));
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        RetentionService service = new RetentionService(jdbi, config.getRetention(), Clock.system(config.zoneId()));
        PrintStream out = System.out;
        if (namespace.getBoolean("dryRun")) {
            out.println(Messages.get("cli.msg.retentionDryRun", service.plan().describe()));
            return;
        }
        PrintStream err = System.err;
        RunRecorder runs = new RunRecorder(jdbi);
        long runId = runs.start(JobName.RETENTION, NodeIdGenerator.newId(), "CLI", null);
        try {
            RetentionService.Result result = service.run(new RetentionService.Progress() {
                private int total;
                private int done;
                private long rows;

                @Override
                public void started(int siteDays) {
                    total = siteDays;
                    runs.total(runId, siteDays);
                    err.println(Messages.get("cli.msg.retentionToDo", siteDays));
                }

                @Override
                public void batch(int siteDays, long rowsDeleted) {
                    done += siteDays;
                    rows += rowsDeleted;
                    runs.progress(runId, siteDays, 0);
                    err.print("\r" + Messages.get("cli.msg.retentionProgress", done, total, rows));
                    err.flush();
                }
            });
            if (result.siteDays() > 0) {
                err.println();
            }
            runs.succeeded(runId, result.describe());
            out.println(Messages.get("cli.msg.retentionDone", result.describe(), runId));
        } catch (Exception e) {
            runs.failed(runId, e.toString());
            throw e;
        }
    }
}
