package org.egovmonitor.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.egovmonitor.collection.NodeSurvey;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.errors.FieldError;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.platform.UploadedText;
import org.egovmonitor.registry.RegistryFileReader;
import org.jdbi.v3.core.Jdbi;

/** {@code import-node-survey FILE}: applies the office's node survey (CSV, Chinese or English headers), all or nothing. */
public class ImportNodeSurveyCommand extends DatabaseCommand {

    static final long MAX_BYTES = 16L * 1024 * 1024;

    public ImportNodeSurveyCommand() {
        super("import-node-survey", "导入网络节点调查表（CSV，中文或英文表头）；有任何错误则不导入");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("survey").metavar("FILE").help(Messages.get("cli.option.importNodeSurvey.survey"));
    }

    @Override
    protected void execute(Namespace namespace, EgovMonitorConfiguration config, Jdbi jdbi,
                           ManagedDataSource dataSource, Bootstrap<EgovMonitorConfiguration> bootstrap)
            throws Exception {
        Path file = Path.of(namespace.getString("survey"));
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException(Messages.get("cli.msg.fileMissing", file));
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new CommandFailedException(Messages.get("cli.msg.fileTooLarge", file));
        }
        String text = UploadedText.decode(Files.readAllBytes(file)).orElseThrow(() -> new CommandFailedException(
                Messages.get("cli.msg.fileEncoding", file)));
        NodeSurvey.Result result = new NodeSurvey(jdbi, new RegistryFileReader(bootstrap.getObjectMapper()),
                Clock.system(config.zoneId())).importCsv(text);
        if (!result.applied()) {
            for (FieldError error : result.errors()) {
                System.err.println(file + ": " + error.describe());
            }
            throw new CommandFailedException(Messages.get("cli.msg.importErrors", result.errors().size()));
        }
        System.out.println(Messages.get("cli.msg.nodeSurveyImported", result.rows(), result.nodesChanged()));
    }
}
