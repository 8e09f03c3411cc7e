package org.egovmonitor.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.platform.Messages;

/**
 * The command line's fixed English in Chinese. Dropwizard's {@code Cli} and the argparse4j parser it builds write
 * their own words ("usage:", "positional arguments:", "show this help message and exit", the built-in commands'
 * descriptions…) as literals that no setting reaches, so the streams the {@code Cli} writes to are filtered line by
 * line: each known phrase becomes its bundle text. Only what {@code Cli} prints passes here (help, usage errors and
 * the commands' messages), never the server's log.
 */
public final class ChineseCliOutput extends FilterOutputStream {

    /** English phrase as Dropwizard 5 / argparse4j 0.9 print it → bundle key; longest phrases first. */
    static final Map<String, String> PHRASES = phrases();

    /** Dropwizard's configured commands name their configuration file argument "file" (usage and listing). */
    static final Pattern FILE_ARGUMENT = Pattern.compile("\\[file]|(?<=^  )file(?= )");

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public ChineseCliOutput(OutputStream out) {
        super(out);
    }

    private static Map<String, String> phrases() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("No application version detected. Add a Implementation-Version entry to your JAR's manifest to enable "
                + "this.", "cli.noVersion");
        p.put("Runs the Dropwizard application as an HTTP server", "cli.serverCommand");
        p.put("Parses and validates the configuration file", "cli.checkCommand");
        p.put("show the application version and exit", "cli.versionOption");
        p.put("show this help message and exit", "cli.helpOption");
        p.put("application configuration file", "cli.configFile");
        p.put("positional arguments:", "cli.positionalArguments");
        p.put("named arguments:", "cli.namedArguments");
        p.put("available commands", "cli.availableCommands");
        p.put("Command is not found", "cli.commandNotFound");
        p.put("Configuration is OK", "cli.configurationOk");
        p.put("too few arguments", "cli.tooFewArguments");
        p.put("unrecognized arguments:", "cli.unrecognizedArguments");
        p.put("invalid choice:", "cli.invalidChoice");
        p.put("choose from", "cli.chooseFrom");
        p.put("is required", "cli.isRequired");
        p.put("expected one argument", "cli.expectedOneArgument");
        p.put(": error:", "cli.error");
        p.put("argument ", "cli.argument");
        p.put("usage:", "cli.usage");
        p.put("default:", "cli.default");
        return p;
    }

    /** One line (or the unfinished end of the output) in Chinese. */
    static String translate(String text) {
        String out = FILE_ARGUMENT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group().startsWith("[") ? "[" + Messages.get("cli.fileArgument") + "]" : Messages.get(
                        "cli.fileArgument")));
        for (Map.Entry<String, String> e : PHRASES.entrySet()) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), Messages.get(e.getValue()));
            }
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        emit();
        super.flush();
    }

    private void emit() throws IOException {
        if (line.size() > 0) {
            out.write(translate(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
