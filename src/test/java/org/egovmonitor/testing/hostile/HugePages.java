package org.egovmonitor.testing.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The three hostile single pages (100,000 links, 5 MB, 20,000-deep nesting), generated (never committed as multi-MB files) and served by a
 * {@link HostileServer}: a homepage with {@value #MANY_LINKS} links, a homepage of about 5 MB of HTML (just under the
 * shipped {@code maxBodyBytes}), and a homepage nested {@value #DEPTH} elements deep. Each carries a small
 * navigation bar of two sections (政务动态, 通知公告) whose list pages are small and dated, so a measurement has
 * something real to find besides the bulk.
 *
 * <p>{@link #main} serves them on 127.0.0.1 for {@code docs/bench/hugepage.sh} and prints their URLs.
 */
public final class HugePages {

    public static final int MANY_LINKS = 100_000;
    public static final int DEPTH = 20_000;
    /** The 5 MB page: stays below the shipped maxBodyBytes (5 MiB) so it is read, not refused as too large. */
    public static final int BIG_BYTES = 5_000_000;
    /** Dated list items of each section page. */
    public static final int SECTION_ITEMS = 20;

    public static final String MANY = "/many/";
    public static final String BIG = "/big/";
    public static final String DEEP = "/deep/";

    private HugePages() {
    }

    /** Adds the three pages (and their section pages) to {@code server}; item pages are its default 404. */
    public static HostileServer serve(HostileServer server) {
        for (String page : new String[] {MANY, BIG, DEEP}) {
            byte[] body = html(page).getBytes(StandardCharsets.UTF_8);
            server.route(page, (req, s, out) -> HostileServer.respond(out, 200, "text/html; charset=utf-8", body));
            byte[] section = sectionPage(page).getBytes(StandardCharsets.UTF_8);
            for (String column : new String[] {"zwdt/", "tzgg/"}) {
                server.route(page + column, (req, s, out) -> HostileServer.respond(out, 200,
                        "text/html; charset=utf-8", section));
            }
        }
        return server;
    }

    /** The homepage at {@code path} ({@link #MANY}, {@link #BIG} or {@link #DEEP}). */
    public static String html(String path) {
        return switch (path) {
            case MANY -> many();
            case BIG -> big();
            case DEEP -> deep();
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static String nav(String base) {
        return "<div class=\"nav\"><a href=\"" + base + "zwdt/\">政务动态</a> <a href=\"" + base
                + "tzgg/\">通知公告</a></div>";
    }

    /** 100,000 distinct same-host links in one list, after the navigation. */
    private static String many() {
        StringBuilder b = new StringBuilder(4_500_000).append("<html><head><meta charset=\"utf-8\"><title>链接</title>")
                .append("</head><body>").append(nav(MANY)).append("<ul>");
        for (int i = 0; i < MANY_LINKS; i++) {
            b.append("<li><a href=\"/p/").append(i).append("\">条目").append(i).append("</a></li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    /**
     * About 5 MB: news blocks of five dated links and a paragraph of text each (a portal that prints whole articles
     * on its front page), until the page reaches {@link #BIG_BYTES} UTF-8 bytes.
     */
    private static String big() {
        String text = "为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，进一步提升政务服务效能，现将有关事项通知如下。"
                .repeat(4);
        StringBuilder b = new StringBuilder(BIG_BYTES).append("<html><head><meta charset=\"utf-8\"><title>大页面")
                .append("</title></head><body>").append(nav(BIG));
        int bytes = b.toString().getBytes(StandardCharsets.UTF_8).length;
        int block = 0;
        while (true) {
            StringBuilder one = new StringBuilder("<div class=\"news\"><h3>要闻").append(block).append("</h3><ul>");
            for (int k = 0; k < 5; k++) {
                int n = block * 5 + k;
                one.append("<li><a href=\"/big/a/").append(n).append(".html\">关于开展第").append(n)
                        .append("批政务服务事项的通知</a><span>2025-0").append(1 + n % 3).append('-')
                        .append(String.format("%02d", 1 + n % 28)).append("</span></li>");
            }
            one.append("</ul><p>").append(text).append("</p></div>");
            int more = one.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes + more + 20 > BIG_BYTES) {
                break;
            }
            b.append(one);
            bytes += more;
            block++;
        }
        return b.append("</body></html>").toString();
    }

    /** The navigation and a dated list at the bottom of {@value #DEPTH} nested divs. */
    private static String deep() {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>深</title></head><body>");
        b.append("<div>".repeat(DEPTH)).append(nav(DEEP)).append("<ul>");
        for (int i = 0; i < SECTION_ITEMS; i++) {
            b.append("<li><a href=\"/deep/a/").append(i).append(".html\">第").append(i).append("条消息</a><span>2025-04-")
                    .append(String.format("%02d", 1 + i % 14)).append("</span></li>");
        }
        return b.append("</ul>").append("</div>".repeat(DEPTH)).append("</body></html>").toString();
    }

    /** A section's list page: {@value #SECTION_ITEMS} dated items. */
    private static String sectionPage(String base) {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>列表</title></head><body><ul>");
        for (int i = 0; i < SECTION_ITEMS; i++) {
            b.append("<li><a href=\"").append(base).append("n/").append(i).append(".html\">工作动态第").append(i)
                    .append("期</a><span>2025-04-").append(String.format("%02d", 1 + i % 14)).append("</span></li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    /** Serves the pages on 127.0.0.1 until killed; prints one URL a line. */
    public static void main(String[] args) throws IOException, InterruptedException {
        HostileServer server = serve(HostileServer.start());
        for (String page : new String[] {MANY, BIG, DEEP}) {
            System.out.println(server.uri(page));
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
