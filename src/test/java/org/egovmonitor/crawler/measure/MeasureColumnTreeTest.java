package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.egovmonitor.crawler.measure.SiteMeasurement.Child;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The column tree end to end: a local site whose 政务公开 platform and 通知公告 index list sub-columns. */
class MeasureColumnTreeTest {

    private static final LocalDate NOW = LocalDate.of(2024, 5, 20);

    private static HostileServer server;
    private static String h;

    @BeforeAll
    static void start() throws IOException {
        server = HostileServer.start();
        h = "http://127.0.0.1:" + server.port();
        page("/", """
                <div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xwdt/">新闻动态</a>
                <a href="/tzgg/">通知公告</a></div>
                <ul class="news"><li><a href="/xwdt/202405/t20240518_1.html">我市召开全市工作会议</a> 2024-05-18</li>
                <li><a href="/xwdt/202405/t20240510_2.html">市领导调研春耕生产</a> 2024-05-10</li></ul>""");
        // The platform: a left-hand column menu, one column fresh, one stale, one blank, one gone.
        page("/zwgk/", """
                <div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xwdt/">新闻动态</a>
                <a href="/tzgg/">通知公告</a></div>
                <div class="left"><ul><li><a href="/zwgk/jgzn/">机构职能</a></li><li><a href="/zwgk/zcwj/">政策文件</a></li>
                <li><a href="/zwgk/ghjh/">规划计划</a></li><li><a href="/zwgk/rsxx/">人事信息</a></li></ul></div>
                <div class="main"><p>政府信息公开平台</p></div>""");
        list("/zwgk/jgzn/", "2024-05-02", "2024-04-01");
        list("/zwgk/zcwj/", "2020-03-01", "2019-12-30", "2019-06-01");
        page("/zwgk/ghjh/", "<div class=\"main\"><p>暂无信息</p></div>");
        list("/xwdt/", "2024-05-18", "2024-05-10");
        // An index page without a menu hint: a block of column links below its own directory, no list of its own.
        page("/tzgg/", """
                <div class="main"><table><tr><td><a href="/tzgg/sjtz/">市级通知</a></td>
                <td><a href="/tzgg/bmgg/">部门公告</a></td></tr></table></div>""");
        list("/tzgg/sjtz/", "2024-03-02");
        list("/tzgg/bmgg/", "2024-04-15", "2024-01-15");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void page(String path, String body) {
        byte[] html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>站点</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        server.route(path, (r, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", html));
    }

    private static void list(String path, String... dates) {
        StringBuilder ul = new StringBuilder("<div class=\"main\"><ul class=\"list\">");
        int n = 0;
        for (String d : dates) {
            n++;
            ul.append("<li><a href=\"").append(path).append(d.replace("-", "").substring(0, 6)).append("/t")
                    .append(d.replace("-", "")).append('_').append(n).append(".html\">关于做好第").append(n)
                    .append("项工作的通知</a><span>").append(d).append("</span></li>");
        }
        page(path, ul.append("</ul></div>").toString());
    }

    private static SiteMeasurement measure(String extraYaml) {
        try (MeasurementEngine engine = new MeasurementEngine(MeasureTestSupport.localSettings(extraYaml),
                CrawlerFiles.defaultCatalog())) {
            return engine.measure(server.uri("/"), SiteKind.DEPARTMENT, NOW);
        }
    }

    private static Section section(SiteMeasurement m, String family) {
        return m.sections().stream().filter(s -> s.family().equals(family)).findFirst().orElseThrow();
    }

    @Nested
    class WholeTree {
        private final SiteMeasurement m = measure("");

        @Test
        void measure_platformMenu_eachSubColumnMeasured() {
            Section openGov = section(m, "open_gov");
            assertThat(openGov.children()).extracting(Child::title, Child::url, Child::status, Child::newestDate,
                    Child::items, Child::blank).containsExactly(
                    tuple("机构职能", h + "/zwgk/jgzn/", 200, LocalDate.of(2024, 5, 2), 2, false),
                    tuple("政策文件", h + "/zwgk/zcwj/", 200, LocalDate.of(2020, 3, 1), 3, false),
                    tuple("规划计划", h + "/zwgk/ghjh/", 200, null, 0, true),
                    tuple("人事信息", h + "/zwgk/rsxx/", 404, null, 0, false));
            assertThat(openGov.childrenNotFetched()).isZero();
        }

        @Test
        void measure_indexSection_newestDateIsNewestOfChildren() {
            assertThat(section(m, "open_gov").newestDate()).isEqualTo(LocalDate.of(2024, 5, 2));
            Section notices = section(m, "notices");
            assertThat(notices.children()).extracting(Child::title, Child::newestDate, Child::itemsInWindow)
                    .containsExactly(tuple("市级通知", LocalDate.of(2024, 3, 2), 1),
                            tuple("部门公告", LocalDate.of(2024, 4, 15), 2));
            assertThat(notices.newestDate()).isEqualTo(LocalDate.of(2024, 4, 15));
            assertThat(notices.blank()).isFalse();
        }

        @Test
        void measure_listSection_hasNoChildren() {
            Section news = section(m, "news");
            assertThat(news.children()).isEmpty();
            assertThat(news.newestDate()).isEqualTo(LocalDate.of(2024, 5, 18));
        }

        @Test
        void measure_subColumns_fetchedOnceAsSubcolumnFetches() {
            assertThat(m.fetches()).filteredOn(f -> f.purpose().equals("SUBCOLUMN")).hasSize(6);
            assertThat(m.pagesFetched()).isEqualTo(10);
        }
    }

    @Test
    void measure_pageBudgetSpent_treeCutShortAndCounted() {
        // Homepage and three sections leave two pages for six sub-columns: the first two in homepage order.
        SiteMeasurement m = measure("maxPagesPerSite: 6\n");
        int read = m.sections().stream().mapToInt(s -> s.children().size()).sum();
        int left = m.sections().stream().mapToInt(Section::childrenNotFetched).sum();
        assertThat(m.pagesFetched()).isEqualTo(6);
        assertThat(read).isEqualTo(2);
        assertThat(left).isEqualTo(4);
    }

    @Test
    void measure_maxDepthOne_sectionsReadWithoutTheirSubColumns() {
        SiteMeasurement m = measure("maxDepth: 1\n");
        assertThat(m.pagesFetched()).isEqualTo(4);
        assertThat(m.fetches()).noneMatch(f -> f.purpose().equals("SUBCOLUMN"));
        assertThat(section(m, "open_gov").children()).isEmpty();
        assertThat(section(m, "news").newestDate()).isEqualTo(LocalDate.of(2024, 5, 18));
    }

    @Test
    void measure_maxDepthZero_homepageOnly() {
        SiteMeasurement m = measure("maxDepth: 0\n");
        assertThat(m.pagesFetched()).isEqualTo(1);
        assertThat(m.sections()).extracting(Section::family).contains("open_gov", "news", "notices");
        assertThat(m.sections()).allMatch(s -> s.newestDate() == null && s.children().isEmpty());
    }
}
