package org.egovmonitor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken rule file stops the server and every command that reads it, with the file, line, field and reason. */
class BrokenRuleFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with a broken {1}")
    @CsvSource(delimiter = '|', value = {
            "server    | sections.yml   | '    windowDays: 14' | '    windowDays: -1' | families[0].windowDays"
                    + "：必须是正整数或留空，实为 -1",
            "server    | crawl.yml      | 'maxDepth: 2'        | 'maxDepht: 2'        | maxDepht：未知的键",
            "server    | indicators.yml | 'TOWNSHIPS: NOT_APPLICABLE' | 'TOWNSHIPS: SKIP' | noSite.TOWNSHIPS：必须是 "
                    + "NOT_APPLICABLE 或 ZERO，实为 SKIP",
            "crawl-now | sections.yml   | '    windowDays: 14' | '    windowDays: -1' | families[0].windowDays"
                    + "：必须是正整数或留空，实为 -1",
            "crawl-now | crawl.yml      | 'maxDepth: 2'        | 'maxDepht: 2'        | maxDepht：未知的键",
            "measure   | sections.yml   | '    windowDays: 14' | '    windowDays: -1' | families[0].windowDays"
                    + "：必须是正整数或留空，实为 -1",
    })
    void command_brokenRuleFile_exitsNonZeroNamingFileLineFieldAndReason(String command, String file, String from,
                                                                          String to, String expected)
            throws Exception {
        Path crawlers = Files.createDirectories(dir.resolve("crawlers"));
        for (String name : new String[] {"crawl.yml", "sections.yml", "indicators.yml"}) {
            Files.copy(Path.of("crawlers", name), crawlers.resolve(name));
        }
        String text = Files.readString(crawlers.resolve(file), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        String broken = text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        Files.writeString(crawlers.resolve(file), broken, StandardCharsets.UTF_8);
        int line = (int) broken.substring(0, broken.indexOf(to.strip())).chars().filter(c -> c == '\n').count() + 1;

        AppProcess.Result result = switch (command) {
            case "measure" -> AppProcess.run(Map.of(), "measure", "--crawlers", crawlers.toString(),
                    "http://127.0.0.1:1/");
            case "crawl-now" -> AppProcess.run(Map.of(), "crawl-now", "--config",
                    config(TestPostgres.newDatabase(), crawlers).toString());
            default -> AppProcess.run(Map.of(), "server", config(TestPostgres.newDatabase(), crawlers).toString());
        };

        assertThat(result.exitCode()).as(result.stderr()).isNotZero();
        assertThat(result.stderr()).contains(crawlers.resolve(file) + " 第 " + line + " 行 " + expected);
        assertThat(result.stdout()).doesNotContain(" 第 ");
    }

    private Path config(TestPostgres.TestDatabase db, Path crawlers) throws Exception {
        Path file = dir.resolve("app.yml");
        Files.writeString(file, """
                database:
                  driverClass: org.postgresql.Driver
                  url: "%s"
                  user: "%s"
                  password: ""
                server:
                  applicationConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                logging:
                  level: WARN
                  appenders:
                    - type: console
                      target: stderr
                crawlersDir: "%s"
                """.formatted(db.url(), db.user(), crawlers));
        return file;
    }
}
