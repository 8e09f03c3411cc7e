package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.platform.InvalidRulesException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.egovmonitor.platform.RuleFileAssert.broken;
import static org.egovmonitor.platform.RuleFileAssert.failsWith;
import static org.egovmonitor.platform.RuleFileAssert.lineOf;

class CrawlSettingsTest {

    private static final Path SHIPPED = Path.of("crawlers", "crawl.yml");

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED, StandardCharsets.UTF_8);
    }

    @Nested
    class Load {

        @Test
        void load_shippedCrawlYml_equalsTheDefaults() {
            assertThat(CrawlSettings.load(SHIPPED)).isEqualTo(CrawlSettings.defaults());
        }

        @Test
        void parse_emptyText_givesDefaults() {
            assertThat(CrawlSettings.parse("")).isEqualTo(CrawlSettings.defaults());
            assertThat(CrawlSettings.parse("# nothing\n")).isEqualTo(CrawlSettings.defaults());
        }

        @Test
        void parse_someKeys_overridesThoseAndKeepsDefaults() {
            CrawlSettings c = CrawlSettings.parse("""
                    deadlineMs: 2000
                    robotsCacheTtl: 90s
                    allowPrivateCidrs: [127.0.0.0/8, "fd00::/8"]
                    proxyHost: proxy.internal
                    proxyPort: 3128
                    maxPagesPerSite: 7
                    """);
            FetchSettings s = c.fetch();
            assertThat(s.deadlineMs()).isEqualTo(2000);
            assertThat(s.robotsCacheTtl()).isEqualTo(Duration.ofSeconds(90));
            assertThat(s.allowPrivateCidrs()).containsExactly(CidrRange.parse("127.0.0.0/8"),
                    CidrRange.parse("fd00::/8"));
            assertThat(s.proxyHost()).isEqualTo("proxy.internal");
            assertThat(s.proxyPort()).isEqualTo(3128);
            assertThat(s.userAgent()).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
            assertThat(s.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
            assertThat(c.limits().maxPagesPerSite()).isEqualTo(7);
            assertThat(c.limits().maxDepth()).isEqualTo(CrawlLimits.defaults().maxDepth());
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"PT1H, 3600", "1h, 3600", "30m, 1800", "90s, 90", "2d, 172800"})
        void parseDuration_supportedForms_parsed(String text, long seconds) {
            assertThat(CrawlSettings.parseDuration(text)).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Nested
    class Broken {

        /** One broken variant of the shipped file each: from, to, where the line is, field, reason. */
        static Stream<Arguments> brokenVariants() {
            return Stream.of(
                    Arguments.of("unknown key", "deadlineMs: 15000", "deadlinems: 15000", "deadlinems:",
                            "deadlinems", "未知的键（可用的键："),
                    Arguments.of("wrong type", "connectTimeoutMs: 5000", "connectTimeoutMs: fast", "connectTimeoutMs",
                            "connectTimeoutMs", "必须是整数，实为 fast"),
                    Arguments.of("fraction", "maxRedirects: 5", "maxRedirects: 1.5", "maxRedirects", "maxRedirects",
                            "必须是整数，实为 1.5"),
                    Arguments.of("list for a text", "robotsAgent: egov-monitor", "robotsAgent: [a, b]", "robotsAgent",
                            "robotsAgent", "必须是一个文本，实为一个列表"),
                    Arguments.of("text for a list", "allowPrivateCidrs: []", "allowPrivateCidrs: 10.0.0.0/8",
                            "allowPrivateCidrs: 10", "allowPrivateCidrs", "必须是一个列表，实为 10.0.0.0/8"),
                    Arguments.of("out of range", "maxRedirects: 5", "maxRedirects: 99", "maxRedirects",
                            "maxRedirects", "必须在 0 到 50 之间，实为 99"),
                    Arguments.of("zero deadline", "deadlineMs: 15000", "deadlineMs: 0", "deadlineMs: 0", "deadlineMs",
                            "必须在 1 到 9223372036854775807 之间，实为 0"),
                    Arguments.of("bad duration", "robotsCacheTtl: 1h", "robotsCacheTtl: soon", "robotsCacheTtl",
                            "robotsCacheTtl", "必须是时长，如 1h、30m、90s 或 PT1H，实为 soon"),
                    Arguments.of("bad cidr", "allowPrivateCidrs: []", "allowPrivateCidrs: [10.0.0.0/99]",
                            "allowPrivateCidrs: [10", "allowPrivateCidrs[0]",
                            "'10.0.0.0/99' 不是 IPv4 或 IPv6 的 CIDR 地址段（如 127.0.0.0/8、fd00::/8）"),
                    Arguments.of("agent case", "robotsAgent: egov-monitor", "robotsAgent: Egov-Monitor", "robotsAgent",
                            "robotsAgent", "只能由小写字母、数字、- 或 _ 组成（RFC 9309 的产品标识），实为 Egov-Monitor"),
                    Arguments.of("proxy alone", "proxyHost: null", "proxyHost: proxy.internal", "proxyHost: proxy",
                            "proxyHost", "proxyHost 和 proxyPort 必须同时给出（或都不给）"),
                    Arguments.of("bad override", "hostOverrides: {}", "hostOverrides: {a.gov.cn: b.gov.cn}",
                            "hostOverrides", "hostOverrides.a.gov.cn",
                            "必须映射到一个 IP 地址，可带端口（127.0.1.1、127.0.1.1:8080、[::1]:8080），实为 'b.gov.cn'"),
                    Arguments.of("syntax error", "maxDepth: 2", "maxDepth: 2: 3", "maxDepth: 2:", "maxDepth",
                            "YAML 语法错误"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenVariants")
        void load_brokenVariant_namesFileLineFieldAndReason(String name, String from, String to, String at,
                                                             String field, String reason) throws IOException {
            String yaml = broken(shipped(), from, to);
            failsWith(() -> CrawlSettings.parse(yaml, "crawlers/crawl.yml"), "crawlers/crawl.yml",
                    lineOf(yaml, at), field, reason);
        }

        @Test
        void load_severalProblems_reportsAllOfThem() {
            assertThatThrownBy(() -> CrawlSettings.parse("deadlineMs: 0\nmaxDepth: -1\n", "crawl.yml"))
                    .hasMessageContaining("crawl.yml 第 1 行 deadlineMs：")
                    .hasMessageContaining("crawl.yml 第 2 行 maxDepth：");
        }

        @Test
        void load_notAMapping_clearMessage() {
            failsWith(() -> CrawlSettings.parse("- a\n- b\n", "crawl.yml"), "crawl.yml", 1, "",
                    "必须是一个映射（键: 值），实为一个列表");
        }

        @Test
        void load_missingFile_namesIt() {
            failsWith(() -> CrawlSettings.load(Path.of("no/such/crawl.yml")), "no/such/crawl.yml", 0, "",
                    "无法读取文件（no/such/crawl.yml）");
        }

        @Test
        void constructor_userAgentWithNewline_rejected() {
            FetchSettings d = FetchSettings.defaults();
            assertThatThrownBy(() -> new FetchSettings("x\r\nInjected: 1", d.robotsAgent(), 1, 1, 1, 1, 1, 1, 1, 0,
                    0, 1, Duration.ZERO, List.of(), null, null, Map.of(), 1, List.of(), null, List.of()))
                    .isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                            .extracting(p -> p.field()).containsExactly("userAgent"));
        }
    }
}
