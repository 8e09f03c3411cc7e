package org.egovmonitor.crawler.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.egovmonitor.platform.CidrRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchSettingsTest {

    @Nested
    class Load {

        @Test
        void load_shippedCrawlYml_equalsTheDefaults() throws Exception {
            assertThat(FetchSettings.load(Path.of("crawlers/crawl.yml"))).isEqualTo(FetchSettings.defaults());
        }

        @Test
        void parse_emptyText_givesDefaults() {
            assertThat(FetchSettings.parse("")).isEqualTo(FetchSettings.defaults());
            assertThat(FetchSettings.parse("# nothing\n")).isEqualTo(FetchSettings.defaults());
        }

        @Test
        void parse_someKeys_overridesThoseAndKeepsDefaults() {
            FetchSettings s = FetchSettings.parse("""
                    deadlineMs: 2000
                    robotsCacheTtl: 90s
                    allowPrivateCidrs: [127.0.0.0/8, "fd00::/8"]
                    proxyHost: proxy.internal
                    proxyPort: 3128
                    """);
            assertThat(s.deadlineMs()).isEqualTo(2000);
            assertThat(s.robotsCacheTtl()).isEqualTo(Duration.ofSeconds(90));
            assertThat(s.allowPrivateCidrs()).containsExactly(CidrRange.parse("127.0.0.0/8"),
                    CidrRange.parse("fd00::/8"));
            assertThat(s.proxyHost()).isEqualTo("proxy.internal");
            assertThat(s.proxyPort()).isEqualTo(3128);
            assertThat(s.userAgent()).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
            assertThat(s.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"PT1H, 3600", "1h, 3600", "30m, 1800", "90s, 90", "2d, 172800"})
        void parseDuration_supportedForms_parsed(String text, long seconds) {
            assertThat(FetchSettings.parseDuration(text)).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Nested
    class Validate {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "deadlineMs: 0                     | deadlineMs",
                "connectTimeoutMs: fast            | connectTimeoutMs",
                "maxBodyBytes: -5                  | maxBodyBytes",
                "maxRedirects: 99                  | maxRedirects",
                "perHostConcurrency: 0             | perHostConcurrency",
                "robotsAgent: Egov-Monitor         | robotsAgent",
                "robotsCacheTtl: soon              | robotsCacheTtl",
                "allowPrivateCidrs: [10.0.0.0/99]  | allowPrivateCidrs",
                "allowPrivateCidrs: 10.0.0.0/8     | allowPrivateCidrs",
                "proxyHost: proxy.internal         | proxyPort",
                "proxyPort: 70000                  | proxyPort",
                "deadlinems: 2000                  | unknown key 'deadlinems'",
                "userAgent: [a, b]                 | userAgent",
        })
        void parse_badValue_messageNamesTheKey(String yaml, String key) {
            assertThatThrownBy(() -> FetchSettings.parse(yaml))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }

        @Test
        void parse_severalProblems_reportsAllOfThem() {
            assertThatThrownBy(() -> FetchSettings.parse("deadlineMs: 0\nmaxDepth: -1\n"))
                    .hasMessageContaining("deadlineMs").hasMessageContaining("maxDepth");
        }

        @Test
        void parse_notAMapping_clearMessage() {
            assertThatThrownBy(() -> FetchSettings.parse("- a\n- b\n")).hasMessageContaining("mapping");
        }

        @Test
        void constructor_userAgentWithNewline_rejected() {
            FetchSettings d = FetchSettings.defaults();
            assertThatThrownBy(() -> new FetchSettings("x\r\nInjected: 1", d.robotsAgent(), 1, 1, 1, 1, 1, 1, 1, 0,
                    0, 1, Duration.ZERO, List.of(), null, null, 1, 1, 0)).hasMessageContaining("userAgent");
        }
    }
}
