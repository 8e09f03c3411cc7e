package org.egovmonitor.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.config.BundledConfigurationSourceProvider;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.crawler.measure.CrawlerFiles;
import org.egovmonitor.db.DataFolderBusyException;
import org.egovmonitor.db.DataFolderOwner;
import org.egovmonitor.db.DatabaseSupport;
import org.egovmonitor.db.EmbeddedPostgresServer;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.db.SchemaMigrator;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.platform.RuleFileException;
import org.jdbi.v3.core.Jdbi;

/**
 * A command that works on the configured database without starting the web server: it starts the embedded
 * PostgreSQL when no URL is configured, migrates the schema, runs, and stops everything again. The configuration
 * file is an option ({@code --config}, default config.yml) so that positional arguments stay the command's own.
 */
public abstract class DatabaseCommand extends ConfiguredCommand<EgovMonitorConfiguration> {

    protected DatabaseCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return subparser.addArgument("--config")
                .dest("file")
                .setDefault(BundledConfigurationSourceProvider.DEFAULT_FILE)
                .help(Messages.get("cli.option.configFile"));
    }

    @Override
    protected void run(Bootstrap<EgovMonitorConfiguration> bootstrap, Namespace namespace,
                       EgovMonitorConfiguration config) throws Exception {
        EmbeddedPostgresServer embedded = DatabaseSupport.startIfEmbedded(config.usesEmbeddedDatabase(),
                config.getEmbeddedDatabase(),
                config.getDatabase(), DataFolderOwner.Role.COMMAND);
        try {
            ManagedDataSource dataSource = config.getDatabase().build(new MetricRegistry(), getName());
            try {
                dataSource.start();
                if (migratesFirst()) {
                    SchemaMigrator.migrate(dataSource);
                }
                Jdbi jdbi = JdbiSetup.configure(Jdbi.create(dataSource));
                execute(namespace, config, jdbi, dataSource, bootstrap);
            } finally {
                dataSource.stop();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Whether to apply pending migrations before {@link #execute}. */
    protected boolean migratesFirst() {
        return true;
    }

    protected abstract void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                                    ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception;

    /** Expected failures are one readable line; only real bugs get a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CommandFailedException || cause instanceof FileNotFoundException
                || cause instanceof DataFolderBusyException || cause instanceof RuleFileException
                || cause instanceof CrawlerFiles.CrawlerFilesException) {
            cli.getStdErr().println(Messages.get("cli.msg.error", cause.getMessage()));
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
