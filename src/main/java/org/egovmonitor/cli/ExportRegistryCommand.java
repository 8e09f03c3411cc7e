package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.RegistryExporter;
import org.jdbi.v3.core.Jdbi;

/** {@code export-registry [--format yaml|csv] [--output FILE]}: writes the registry in the import format. */
public class ExportRegistryCommand extends DatabaseCommand {

    public ExportRegistryCommand() {
        super("export-registry", "导出登记表（与 import-registry 格式相同）");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--format").choices("yaml", "csv").setDefault("yaml")
                .help(Messages.get("cli.option.exportRegistry.format"));
        subparser.addArgument("--output").metavar("FILE").help(Messages.get("cli.option.exportRegistry.output"));
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        RegistryExporter.Format format =
                RegistryExporter.Format.valueOf(namespace.getString("format").toUpperCase(Locale.ROOT));
        RegistryExporter exporter = new RegistryExporter(jdbi, bootstrap.getObjectMapper());
        String output = namespace.getString("output");
        if (output == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            exporter.export(format, out);
            out.flush();
            return;
        }
        // Written beside the target and moved into place, so a failed export never leaves half a file.
        Path target = Path.of(output).toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".export-", ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (format == RegistryExporter.Format.CSV) {
                out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
            }
            exporter.export(format, out);
        } catch (Exception e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.println(Messages.get("cli.msg.registryExported", target));
    }
}
