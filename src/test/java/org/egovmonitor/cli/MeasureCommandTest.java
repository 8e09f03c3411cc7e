package org.egovmonitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteSpec;
import org.egovmonitor.demo.farm.SiteTruth;
import org.egovmonitor.testing.AppProcess;
import org.egovmonitor.testing.hostile.HostileServer;
import org.egovmonitor.web.StrictJsonModule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The measure command in a child JVM, as a user runs it. */
class MeasureCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class Results {

        @Test
        void measure_drippingServer_exitsZeroWithJsonLineAndErrorKind() throws Exception {
            try (HostileServer server = HostileServer.start()) {
                AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--json", "--allow-private", "127.0.0.0/8",
                        "--now", "2025-04-15", server.uri("/drip").toString());
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                List<String> lines = r.stdout().lines().toList();
                assertThat(lines).hasSize(1);
                JsonNode m = JSON.readTree(lines.get(0));
                assertThat(m.get("reachable").asBoolean()).isFalse();
                assertThat(m.get("errorKind").asText()).isEqualTo("DEADLINE_EXCEEDED");
                assertThat(m.get("measuredOn").asText()).isEqualTo("2025-04-15");
                assertThat(r.stderr()).contains("已测 1/1");
            }
        }

        @Test
        void measure_farmSitesFile_stdoutOnlyJsonLinesEqualToTruth() throws Exception {
            LocalDate now = LocalDate.of(2025, 4, 15);
            List<SiteSpec> specs = List.of(SiteSpec.random(11, "127.0.20.1", 0, now),
                    SiteSpec.random(12, "127.0.20.2", 0, now), SiteSpec.random(13, "127.0.20.3", 0, now));
            try (SiteFarm farm = SiteFarm.start(specs)) {
                Path file = Files.createTempFile("sites", ".txt");
                StringBuilder b = new StringBuilder("# farm sites\n\n");
                for (String host : List.of("127.0.20.1", "127.0.20.2", "127.0.20.3")) {
                    SiteTruth t = farm.truth(host);
                    b.append(t.url()).append(' ').append(t.kind()).append("   # ").append(t.name()).append('\n');
                }
                Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
                AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--json", "--allow-private", "127.0.0.0/8",
                        "--now", now.toString(), "--concurrency", "2", "--sites", file.toString());
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                List<String> lines = r.stdout().lines().toList();
                assertThat(lines).hasSize(3);
                for (int i = 0; i < 3; i++) {
                    JsonNode m = JSON.readTree(lines.get(i));
                    SiteTruth t = farm.truth("127.0.20." + (i + 1));
                    assertThat(m.get("url").asText()).isEqualTo(t.url());
                    assertThat(m.get("sections").size()).isEqualTo(t.sections().size());
                    // each fetch names the snapshot of the bytes it received (网页快照), the homepage first
                    assertThat(m.get("fetches").get(0).get("sha256").asText()).matches("[0-9a-f]{64}");
                    assertThat(m.get("homepage").get("datedItems").asInt()).isEqualTo(t.homepage().datedItems());
                    String newest = t.homepage().newestDate() == null ? "null" : t.homepage().newestDate().toString();
                    assertThat(m.get("homepage").get("newestDate").asText()).isEqualTo(newest);
                    for (int k = 0; k < t.sections().size(); k++) {
                        JsonNode messages = m.get("sections").get(k).get("messages");
                        List<SiteTruth.Message> expected = t.sections().get(k).messages();
                        assertThat(messages.size()).isEqualTo(expected.size());
                        for (int j = 0; j < expected.size(); j++) {
                            assertThat(messages.get(j).get("askedOn").asText())
                                    .isEqualTo(expected.get(j).askedOn().toString());
                            assertThat(messages.get(j).get("state").asText())
                                    .isEqualTo(expected.get(j).state().name());
                        }
                    }
                }
            }
        }

        @Test
        void measure_withoutJson_printsChineseSummary() throws Exception {
            try (HostileServer server = HostileServer.start()) {
                AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--allow-private", "127.0.0.0/8",
                        server.uri("/ok").toString(), server.uri("/status/500").toString());
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                assertThat(r.stdout()).contains("可访问：HTTP 200", "不可访问：HTTP 错误（HTTP 500）");
            }
        }
    }

    /** The link sample in the summary, from a measurement built in memory (no child JVM). */
    @Nested
    class LinkSampleLine {
        private static SiteMeasurement measured(int notChecked) {
            return new SiteMeasurement("http://127.0.0.1/", "http://127.0.0.1/", "COUNTY", true, 200, 5, "UTF-8", null,
                    new SiteMeasurement.Homepage(null, 0, false, List.of()), List.of(), List.of(), List.of(), 1,
                    List.of(), null, LocalDate.of(2024, 5, 20), List.of(), List.of(
                    new SiteMeasurement.LinkCheck("http://127.0.0.1/a", 200, null, false),
                    new SiteMeasurement.LinkCheck("http://127.0.0.1/b", 200, null, false)), notChecked);
        }

        @Test
        void summary_sampledLinks_saysHowManyOfHowMany() {
            assertThat(MeasureCommand.summary(measured(98))).contains("（检查了 100 条链接中的 2 条（抽样））");
            assertThat(MeasureCommand.summary(measured(0))).doesNotContain("抽样");
        }
    }

    /** The column tree in both outputs, from a measurement built in memory (no child JVM). */
    @Nested
    class ColumnTree {
        private final SiteMeasurement m = new SiteMeasurement("http://127.0.0.1/", "http://127.0.0.1/", "COUNTY",
                true, 200, 5, "UTF-8", null, new SiteMeasurement.Homepage(null, 0, false, List.of()),
                List.of(new SiteMeasurement.Section("open_gov", "信息公开", "http://127.0.0.1/xxgk/", 200,
                        LocalDate.of(2024, 5, 2), 0, 0, false, List.of(), List.of(), List.of(
                        new SiteMeasurement.Child("机构职能", "http://127.0.0.1/xxgk/jgzn/", 200,
                                LocalDate.of(2024, 5, 2), 2, 0, false),
                        new SiteMeasurement.Child("规划计划", "http://127.0.0.1/xxgk/ghjh/", 200, null, 0, 0, true),
                        new SiteMeasurement.Child("人事信息", "http://127.0.0.1/xxgk/rsxx/", 404, null, 0, 0, false)),
                        2)),
                List.of(), List.of(), 5, List.of(), null, LocalDate.of(2024, 5, 20));

        @Test
        void summary_sectionWithChildren_childrenIndentedUnderIt() {
            assertThat(MeasureCommand.summary(m)).contains("""
                        信息公开 的子栏目 3 个（另有 2 个因抓取页数上限未读）：
                          机构职能（最新 2024-05-02，2 条）
                          规划计划（空白）
                          人事信息（无法访问，HTTP 404）
                    """);
        }

        @Test
        void json_sectionWithChildren_childrenListed() throws Exception {
            JsonNode node = JSON.readTree(StrictJsonModule.configure(Jackson.newObjectMapper())
                    .writeValueAsString(m)).get("sections").get(0);
            assertThat(node.get("childrenNotFetched").asInt()).isEqualTo(2);
            assertThat(node.get("children").get(0).get("newestDate").asText()).isEqualTo("2024-05-02");
            assertThat(node.get("children").get(1).get("blank").asBoolean()).isTrue();
            assertThat(node.get("children").get(2).get("status").asInt()).isEqualTo(404);
        }
    }

    @Nested
    class BadArguments {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "not a url        | ftp://example.org/                           | 不是有效的网址",
                "bad date         | --now=2025-13-45 http://127.0.0.1:1/          | 不是有效的日期",
                "unknown kind     | --kind=CITY http://127.0.0.1:1/               | 未知的网站类型",
                "missing file     | --sites=/nonexistent/sites.txt                | 无法读取网站清单",
                "bad cidr         | --allow-private=10.0.0.0/99 http://127.0.0.1:1/ | 不是有效的地址段",
                "nothing to do    | --json                                        | 请给出要测量的网站地址",
                "bad crawlers dir | --crawlers=/nonexistent http://127.0.0.1:1/    | 爬虫配置目录不存在",
        })
        void measure_badArguments_exitNonZeroWithMessage(String name, String args, String message) throws Exception {
            AppProcess.Result r = AppProcess.run(Map.of(), prepend("measure", args.trim().split("\\s+")));
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr()).contains(message).doesNotContain("Exception", "\tat ");
            assertThat(r.stdout()).isBlank();
        }

        @Test
        void measure_badCrawlerFile_exitNonZeroNamingTheFile() throws Exception {
            Path dir = Files.createTempDirectory("crawlers");
            Files.copy(Path.of("crawlers", "sections.yml"), dir.resolve("sections.yml"));
            Files.writeString(dir.resolve("crawl.yml"), "deadlineMs: -5\nnoSuchKey: 1\n");
            AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--crawlers", dir.toString(),
                    "http://127.0.0.1:1/");
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr()).contains("crawl.yml", "deadlineMs", "noSuchKey").doesNotContain("\tat ");
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Nested
    class Explain {

        private static final String HOMEPAGE = "<html><head><meta charset=\"utf-8\"></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/xxgk/\">信息公开</a>"
                + "<a href=\"/zwgk/\"><img src=\"z.gif\"></a>"
                + "<a href=\"/search.asp?keyword=%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97\">办事指南</a>"
                + "<a href=\"http://www.gov.cn/\">中国政府网\u001b[2J</a></div>"
                + "<img src=\"m.gif\" usemap=\"#m\"><map name=\"m\"><area href=\"/tzgg/\" alt=\"通知公告\"></map>"
                + "<div class=\"list\"><h3>政务动态</h3><ul>"
                + "<li><a href=\"/zwdt/1.html\">关于做好政务公开工作的通知</a><span>2025-04-10</span></li>"
                + "<li><a href=\"/zwdt/2.html\">市政府召开常务会议</a><span>2025-04-09</span></li></ul></div>"
                + "</body></html>";

        @Test
        void explain_homepage_printsSectionsWithRulesAndEveryOtherLinkWithItsReason() throws Exception {
            try (HostileServer server = HostileServer.start()) {
                server.route("/", (req, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                        HOMEPAGE));
                AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--explain", "--allow-private",
                        "127.0.0.0/8", "--now", "2025-04-15", server.uri("/").toString());
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                String h = "http://127.0.0.1:" + server.port();
                assertThat(r.stdout()).contains("识别出的栏目（2 个）", "；链接检查：检查了全部 ")
                        .containsPattern("政务公开 +信息公开 +链接文字即栏目名称 +" + h + "/xxgk/")
                        .containsPattern("通知公告 +通知公告 +图片热区的说明文字 +" + h + "/tzgg/")
                        .contains("■ 站内搜索或关键词链接（1 个）")
                        .contains("■ 其他网站的链接（上级、下级或友情链接）（1 个）")
                        .contains("■ 内容列表中的条目（新闻标题等），不是栏目（2 个）")
                        .contains("中国政府网?[2J")
                        .doesNotContain("\u001b");
                // Read by its URL: an image without alt text linking to /zwgk/ (政务公开 already taken by 信息公开).
                assertThat(r.stdout()).contains("■ 同类栏目已由前面的链接代表（1 个）");
            }
        }

        @Test
        void explain_json_printsOneObjectPerSite() throws Exception {
            try (HostileServer server = HostileServer.start()) {
                server.route("/", (req, sock, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8",
                        HOMEPAGE));
                AppProcess.Result r = AppProcess.run(Map.of(), "measure", "--explain", "--json", "--allow-private",
                        "127.0.0.0/8", server.uri("/").toString());
                assertThat(r.exitCode()).as(r.stderr()).isZero();
                JsonNode e = JSON.readTree(r.stdout().strip());
                assertThat(e.get("decisions").size()).isEqualTo(8);
                assertThat(e.get("decisions").get(1).get("family").asText()).isEqualTo("open_gov");
                assertThat(e.get("decisions").get(1).get("rule").asText()).isEqualTo("SYNONYM");
            }
        }
    }
}
