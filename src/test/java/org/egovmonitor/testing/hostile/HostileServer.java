package org.egovmonitor.testing.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A deliberately badly behaved HTTP server on a loopback address, for testing fetchers and crawlers against the
 * worst the internet does. Raw {@link ServerSocket}, one thread per connection, ephemeral port. Every request is
 * recorded; the number of simultaneous requests in progress is tracked.
 *
 * <p>Built-in paths (more can be added with {@link #route}):
 * <table>
 *   <tr><td>{@code /ok}</td><td>a small HTML page with Content-Length</td></tr>
 *   <tr><td>{@code /gzip}, {@code /deflate}</td><td>the same page, compressed</td></tr>
 *   <tr><td>{@code /slow}</td><td>the page after 300 ms (to make requests overlap)</td></tr>
 *   <tr><td>{@code /drip}</td><td>the whole response, status line included, one byte per second, forever</td></tr>
 *   <tr><td>{@code /drip-body}</td><td>headers at once, then the body one byte per second, forever</td></tr>
 *   <tr><td>{@code /silent}</td><td>reads the request and never answers</td></tr>
 *   <tr><td>{@code /reset}</td><td>reads the request and resets the connection (SO_LINGER 0)</td></tr>
 *   <tr><td>{@code /loop/a}, {@code /loop/b}</td><td>redirect to each other</td></tr>
 *   <tr><td>{@code /endless/N}</td><td>redirects to {@code /endless/N+1}</td></tr>
 *   <tr><td>{@code /relative/start}</td><td>301 with a relative Location {@code next?from=start}</td></tr>
 *   <tr><td>{@code /redirect?to=URL}</td><td>302 to URL</td></tr>
 *   <tr><td>{@code /huge}</td><td>200 MB of HTML, chunked, generated on the fly</td></tr>
 *   <tr><td>{@code /huge-declared}</td><td>the same with {@code Content-Length: 209715200}</td></tr>
 *   <tr><td>{@code /bomb}</td><td>gzip of 1 GB of zeros, compressed on the fly (deflate tops out near 1:1030, so
 *       the wire carries about 1 MB; a client stops after a few KB)</td></tr>
 *   <tr><td>{@code /binary}</td><td>binary bytes labelled {@code text/html}</td></tr>
 *   <tr><td>{@code /image}</td><td>a PNG header labelled {@code image/png}</td></tr>
 *   <tr><td>{@code /status/N}</td><td>status N with a small HTML body</td></tr>
 *   <tr><td>{@code /head-refused}</td><td>405 to HEAD, the page to GET</td></tr>
 *   <tr><td>{@code /robots.txt}</td><td>404 unless set with {@link #robots(String)} or {@link #robotsStatus}</td></tr>
 * </table>
 */
public final class HostileServer implements AutoCloseable {

    public static final long HUGE_BYTES = 200L * 1024 * 1024;
    public static final long BOMB_BYTES = 1024L * 1024 * 1024;
    public static final String PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>OK</title></head>"
            + "<body><h1>Hello</h1><p>A small page.</p></body></html>";

    /** Answers one request. Write the raw response to {@code out}; the connection is closed afterwards. */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request as received: header names lower-cased. */
    public record Request(String method, String target, String path, String query, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final ExecutorService connections;
    private final Thread acceptor;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    /** Answers paths no route matches (a site that answers every path, e.g. a soft 404); null: a plain 404. */
    private volatile Handler otherwise;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile String robots;
    private volatile int robotsStatus = 404;
    private volatile boolean closed;

    private HostileServer(String bindAddress) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 100);
        AtomicInteger n = new AtomicInteger();
        connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-" + server.getLocalPort() + "-conn-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        installDefaults();
        acceptor = new Thread(this::acceptLoop, "hostile-" + server.getLocalPort() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server on 127.0.0.1. */
    public static HostileServer start() throws IOException {
        return new HostileServer("127.0.0.1");
    }

    /** A server on another loopback address, e.g. {@code 127.0.0.2} (all of 127/8 is loopback on Linux). */
    public static HostileServer start(String bindAddress) throws IOException {
        return new HostileServer(bindAddress);
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://host:port} + path. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://" + host() + ":" + port() + pathAndQuery);
    }

    /** Adds or replaces the handler for an exact path (query ignored). */
    public HostileServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** The handler of every path no route matches, instead of a plain 404. */
    public HostileServer otherwise(Handler handler) {
        this.otherwise = handler;
        return this;
    }

    /** Serves this text as {@code /robots.txt} (status 200). */
    public HostileServer robots(String content) {
        this.robots = content;
        this.robotsStatus = 200;
        return this;
    }

    /** Answers {@code /robots.txt} with this status and no rules. */
    public HostileServer robotsStatus(int status) {
        this.robots = null;
        this.robotsStatus = status;
        return this;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    public int requestCount() {
        return requests.size();
    }

    public long requestCount(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /**
     * The most requests in progress at the same moment, a request being in progress from the moment it is read
     * until the first byte of its answer is written.
     */
    public int maxConcurrentRequests() {
        return maxActive.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        connections.shutdownNow();
        try {
            acceptor.join(2000);
            connections.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- serving

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Request request = readRequest(in);
            if (request == null) {
                return;
            }
            socket.setSoTimeout(0);
            requests.add(request);
            int now = active.incrementAndGet();
            maxActive.accumulateAndGet(now, Math::max);
            AnsweredOutputStream out = new AnsweredOutputStream(socket.getOutputStream());
            try {
                handlerFor(request.path()).handle(request, socket, out);
                out.flush();
            } finally {
                out.answered();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up (which is the point of most behaviours) or the server is closing
        } finally {
            sockets.remove(socket);
        }
    }

    private Handler handlerFor(String path) {
        Handler exact = routes.get(path);
        if (exact != null) {
            return exact;
        }
        int slash = path.lastIndexOf('/');
        Handler prefix = slash > 0 ? routes.get(path.substring(0, slash + 1) + "*") : null;
        if (prefix != null) {
            return prefix;
        }
        Handler fallback = otherwise;
        return fallback != null ? fallback : (req, s, out) -> respond(out, 404, "text/html", "<p>not found</p>");
    }

    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        return new Request(parts[0], target, path, query, headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() > 16 * 1024) {
                throw new IOException("request line too long");
            }
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    // ------------------------------------------------------------------------------------------- behaviours

    private void installDefaults() {
        route("/ok", (req, s, out) -> respond(out, 200, "text/html; charset=utf-8", PAGE));
        route("/slow", (req, s, out) -> {
            Thread.sleep(300);
            respond(out, 200, "text/html; charset=utf-8", PAGE);
        });
        route("/gzip", (req, s, out) -> {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
                gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
            }
            respond(out, 200, "text/html; charset=utf-8", z.toByteArray(), "Content-Encoding: gzip");
        });
        route("/deflate", (req, s, out) -> {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
                d.write(PAGE.getBytes(StandardCharsets.UTF_8));
            }
            respond(out, 200, "text/html; charset=utf-8", z.toByteArray(), "Content-Encoding: deflate");
        });
        route("/drip", (req, s, out) -> drip(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"));
        route("/drip-body", (req, s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            drip(out, "");
        });
        route("/silent", (req, s, out) -> Thread.sleep(Long.MAX_VALUE));
        route("/reset", (req, s, out) -> {
            s.setSoLinger(true, 0);
            s.close();
        });
        route("/loop/a", (req, s, out) -> redirect(out, 302, "/loop/b"));
        route("/loop/b", (req, s, out) -> redirect(out, 302, "/loop/a"));
        route("/endless/*", (req, s, out) -> {
            int n = Integer.parseInt(req.path().substring("/endless/".length()));
            redirect(out, 302, "/endless/" + (n + 1));
        });
        route("/relative/start", (req, s, out) -> redirect(out, 301, "next?from=start"));
        route("/relative/next", (req, s, out) -> respond(out, 200, "text/html; charset=utf-8", PAGE));
        route("/redirect", (req, s, out) -> redirect(out, 302,
                URLDecoder.decode(req.query().substring("to=".length()), StandardCharsets.UTF_8)));
        route("/huge", (req, s, out) -> huge(out, false));
        route("/huge-declared", (req, s, out) -> huge(out, true));
        route("/bomb", (req, s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            GZIPOutputStream gz = new GZIPOutputStream(out, 8192);
            byte[] zeros = new byte[64 * 1024];
            for (long sent = 0; sent < BOMB_BYTES && !closed; sent += zeros.length) {
                gz.write(zeros);
            }
            gz.finish();
        });
        route("/binary", (req, s, out) -> {
            byte[] body = new byte[4096];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i * 31 + 7);
            }
            body[0] = 0;
            respond(out, 200, "text/html", body);
        });
        route("/image", (req, s, out) -> respond(out, 200, "image/png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}));
        route("/status/*", (req, s, out) -> respond(out,
                Integer.parseInt(req.path().substring("/status/".length())), "text/html", "<p>status</p>"));
        route("/head-refused", (req, s, out) -> {
            if (req.method().equals("HEAD")) {
                respond(out, 405, "text/html", "", "Allow: GET");
            } else {
                respond(out, 200, "text/html; charset=utf-8", PAGE);
            }
        });
        route("/robots.txt", (req, s, out) -> {
            String content = robots;
            if (content != null) {
                respond(out, 200, "text/plain", content);
            } else {
                respond(out, robotsStatus, "text/html", "<p>no robots</p>");
            }
        });
    }

    private void drip(OutputStream out, String head) throws IOException, InterruptedException {
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        for (long i = 0; !closed; i++) {
            out.write(i < start.length ? start[(int) i] : '.');
            out.flush();
            Thread.sleep(1000);
        }
    }

    private void huge(OutputStream out, boolean declared) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + (declared ? "Content-Length: " + HUGE_BYTES : "Transfer-Encoding: chunked") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "<p>big</p>\n".repeat(6000).getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < HUGE_BYTES && !closed; ) {
            int n = (int) Math.min(chunk.length, HUGE_BYTES - sent);
            if (!declared) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(chunk, 0, n);
            if (!declared) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            sent += n;
        }
        if (!declared) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Ends the request's "in progress" period at its first response byte. Counting until the handler returns would
     * overlap with the client's next request: the client may read the whole answer and start again before this
     * thread gets to run its bookkeeping.
     */
    private final class AnsweredOutputStream extends FilterOutputStream {
        private boolean answered;

        AnsweredOutputStream(OutputStream out) {
            super(out);
        }

        void answered() {
            if (!answered) {
                answered = true;
                active.decrementAndGet();
            }
        }

        @Override
        public void write(int b) throws IOException {
            answered();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            answered();
            out.write(b, off, len);
        }
    }

    /** Writes a whole response with Content-Length and {@code Connection: close}. */
    public static void respond(OutputStream out, int status, String contentType, String body, String... headers)
            throws IOException {
        respond(out, status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static void respond(OutputStream out, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    public static void redirect(OutputStream out, int status, String location) throws IOException {
        respond(out, status, "text/html", "<a href=\"" + location + "\">moved</a>", "Location: " + location);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }
}
