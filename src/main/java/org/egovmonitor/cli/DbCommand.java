package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.db.SchemaMigrator;
import org.egovmonitor.platform.Messages;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/** {@code db migrate}: applies pending schema migrations (for deployments that set migrateOnStart: false). */
public class DbCommand extends DatabaseCommand {

    public DbCommand() {
        super("db", "数据库维护：db migrate 执行数据库结构迁移");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("action").choices("migrate").help(Messages.get("cli.option.db.action"));
    }

    @Override
    protected boolean migratesFirst() {
        return false;
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap) {
        MigrateResult result = SchemaMigrator.migrate(dataSource);
        String version = result.targetSchemaVersion == null ? Messages.get("cli.msg.schemaUnchanged")
                : result.targetSchemaVersion;
        System.out.println(Messages.get("cli.msg.schemaUpToDate", result.migrationsExecuted, version));
    }
}
