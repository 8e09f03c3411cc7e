package org.egovmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.testing.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar egov-monitor.jar --help} as an operator runs it: the usage line, the headings, the options and
 * every command's description in Chinese. What stays Latin is what is typed: the command names, the options and
 * {@code java -jar}.
 */
class CliHelpTest {

    static final Pattern WORD = Pattern.compile("[A-Za-z_]{4,}");
    /** Typed, not read: the launcher and the built-in commands' names (ours are matched from the listing). */
    static final Set<String> TYPED = Set.of("java", "help", "version", "server", "check", "migrate");

    @Test
    void topLevelHelp_inChinese_exceptWhatIsTyped() throws Exception {
        AppProcess.Result r = AppProcess.run(Map.of(), "--help");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String help = r.stdout();
        assertThat(help).contains("用法：", "位置参数：", "可用命令", "选项：", "显示本帮助并退出", "显示程序版本并退出");
        assertThat(help).doesNotContain("usage", "show this help", "arguments");
        assertThat(latinWords(help)).isEmpty();
    }

    /** A built-in command's help: Dropwizard's own description and its configuration-file argument. */
    @Test
    void builtInCommandHelp_inChinese() throws Exception {
        AppProcess.Result r = AppProcess.run(Map.of(), "check", "--help");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("用法：", "解析并校验配置文件", "配置文件", "显示本帮助并退出")
                .doesNotContain("Parses and validates", "application configuration file");
        assertThat(latinWords(r.stdout())).isEmpty();
    }

    @Test
    void unknownCommand_saysSoInChinese() throws Exception {
        AppProcess.Result r = AppProcess.run(Map.of(), "no-such-command");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stdout() + r.stderr()).contains("用法：", "无效的选择：").doesNotContain("invalid choice", "usage:");
    }

    /** The Latin words of the help that are neither a command or option name, nor the jar's file name. */
    static List<String> latinWords(String help) {
        List<String> words = new ArrayList<>();
        for (String line : help.split("\n")) {
            Matcher m = Pattern.compile("[\\w.:/{}\\[\\],-]+").matcher(line);
            while (m.find()) {
                String token = m.group();
                boolean typed = token.startsWith("-") || token.startsWith("{") || token.endsWith(".jar")
                        || token.matches("[a-z]+(-[a-z]+)*") && (TYPED.contains(token) || commandListed(help, token));
                if (!typed && WORD.matcher(token).find()) {
                    words.add(token + " in \"" + line.strip() + "\"");
                }
            }
        }
        return words;
    }

    /** A name the usage line offers as a command ({server,check,demo,…}). */
    static boolean commandListed(String help, String name) {
        Matcher m = Pattern.compile("\\{([a-z,-]+)}").matcher(help);
        while (m.find()) {
            if (List.of(m.group(1).split(",")).contains(name)) {
                return true;
            }
        }
        return false;
    }
}
