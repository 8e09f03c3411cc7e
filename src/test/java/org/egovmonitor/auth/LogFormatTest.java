package org.egovmonitor.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.layout.DropwizardLayoutFactory;
import jakarta.validation.Validation;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log format of the bundled config.yml, applied by Dropwizard's own layout: a message carrying line breaks or
 * other control characters (a username typed by an attacker) still makes exactly one log line.
 */
class LogFormatTest {

    static String format() throws Exception {
        EgovMonitorConfiguration config = new YamlConfigurationFactory<>(EgovMonitorConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new ResourceConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), "egov-monitor-default/config.yml");
        DefaultLoggingFactory logging = (DefaultLoggingFactory) config.getLoggingFactory();
        return ((ConsoleAppenderFactory<?>) logging.getAppenders().get(0)).getLogFormat();
    }

    static String layout(String message) throws Exception {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = (PatternLayout) new DropwizardLayoutFactory()
                .build(context, TimeZone.getTimeZone("UTC"));
        layout.setPattern(format());
        layout.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.egovmonitor.auth.AuditFilter"),
                Level.WARN, message, null, null);
        return layout.doLayout(event);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("login failed for bob\nINFO  [2030-01-01] forged: admin logged in",
                        "login failed for bob\\nINFO  [2030-01-01] forged: admin logged in"),
                Arguments.of("a\r\nb", "a\\r\\nb"),
                Arguments.of("nul\u0000here", "nul\uFFFDhere"),
                Arguments.of("esc\u001b[31mred", "esc\uFFFD[31mred"),
                Arguments.of("c1\u0085next", "c1\uFFFDnext"),
                Arguments.of("ls\u2028next", "ls\uFFFDnext"),
                Arguments.of("tab\tstays", "tab\tstays"),
                Arguments.of("中文 用户名", "中文 用户名"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void message_withControlCharacters_staysOneEscapedLine(String sent, String logged) throws Exception {
        String line = layout(sent);
        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.substring(0, line.length() - System.lineSeparator().length())).doesNotContain("\n", "\r")
                .endsWith("org.egovmonitor.auth.AuditFilter: " + logged);
    }

    @Test
    void format_isDropwizardsWithTheMessageReplaced() throws Exception {
        assertThat(format()).startsWith("%-5p [%d{ISO8601,UTC}] %c: %replace(").endsWith("%n%rEx");
    }
}
