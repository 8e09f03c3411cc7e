package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.RegistryFileReader;
import org.egovmonitor.registry.RegistryImporter;
import org.jdbi.v3.core.Jdbi;

/** {@code import-registry FILE}: upserts units, sites, nodes and liaisons from YAML or CSV, all or nothing. */
public class ImportRegistryCommand extends DatabaseCommand {

    public ImportRegistryCommand() {
        super("import-registry", "导入单位/网站/节点/联络员登记表（YAML 或 CSV）；有任何错误则不导入");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("registry").metavar("FILE").help(Messages.get("cli.option.importRegistry.registry"));
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        long started = System.nanoTime();
        Path file = Path.of(namespace.getString("registry"));
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException(Messages.get("cli.msg.fileMissing", file));
        }
        RegistryFileReader.Result parsed = new RegistryFileReader(bootstrap.getObjectMapper()).read(file);
        RegistryImporter.Report report = new RegistryImporter(jdbi, Clock.system(config.zoneId()))
                .importDocument(parsed, false);
        if (!report.applied()) {
            for (FieldError error : report.errors()) {
                System.err.println(file + ": " + error.describe());
            }
            throw new CommandFailedException(Messages.get("cli.msg.importErrors", report.errors().size()));
        }
        System.out.println(Messages.get("cli.msg.registryImported", report.rows(),
                report.unitsChanged(), report.sitesChanged(), report.nodesChanged(), report.liaisonsChanged(),
                report.leadersChanged(),
                (System.nanoTime() - started) / 1e9));
    }
}
