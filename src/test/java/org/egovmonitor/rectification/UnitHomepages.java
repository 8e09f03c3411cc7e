package org.egovmonitor.rectification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Homepages on 127.0.0.1, one per unit at {@code /<unit>/}, each listing one dated item whose date the test sets: a
 * date long past is a stale homepage (a 首页更新 veto), today's date is a fixed one.
 */
final class UnitHomepages implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, LocalDate> newest = new ConcurrentHashMap<>();

    private UnitHomepages(HttpServer server) {
        this.server = server;
    }

    static UnitHomepages start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            UnitHomepages pages = new UnitHomepages(server);
            server.createContext("/", ex -> {
                String[] parts = ex.getRequestURI().getPath().split("/");
                String unit = parts.length > 1 ? parts[1] : "";
                LocalDate date = pages.newest.get(unit);
                String page = date == null || !ex.getRequestURI().getPath().equals("/" + unit + "/") ? null
                        : "<html><head><title>" + unit + "</title></head><body><h1>" + unit + " 门户</h1><ul>"
                        + "<li><a href=\"/" + unit + "/n1.html\">关于开展安全检查工作的通知</a><span>" + date
                        + "</span></li></ul></body></html>";
                byte[] body = (page == null ? "<html><body>未找到</body></html>" : page)
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                ex.sendResponseHeaders(page == null ? 404 : 200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String unit) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + unit + "/";
    }

    /** The date of the unit's newest homepage item from now on. */
    void newest(String unit, LocalDate date) {
        newest.put(unit, date);
    }

    /** A department unit with this homepage as its one monitored site. */
    void register(Jdbi jdbi, String unit, LocalDate newestItem) {
        newest(unit, newestItem);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, ?, 'DEPARTMENT', 'DEPARTMENTS')",
                    unit, "整改测试" + unit);
            h.execute("INSERT INTO sites (url, name, kind, unit_code) VALUES (?, ?, 'DEPARTMENT', ?)", url(unit),
                    unit + " 网站", unit);
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
