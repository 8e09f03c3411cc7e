package org.egovmonitor.crawler.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.egovmonitor.testing.hostile.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OkHttp client brings and what must still hold on it: connections kept alive and reused per site, HTTP/2
 * negotiated by ALPN, brotli bodies, and the SSRF guard on names (the client's Dns), on redirect hops to names, and on
 * a pooled connection whose peer is no longer allowed. Real servers on loopback: the JDK's HTTP server (keep-alive),
 * Jetty with TLS and HTTP/2 (as the farm), the {@link HostileServer}.
 */
@Timeout(60)
class HttpPageFetcherConnectionsTest {

    /** {@link HostileServer#PAGE}, brotli-compressed (brotli 1.0.9, quality 11). */
    private static final byte[] PAGE_BROTLI = Base64.getDecoder().decode(
            "ofADAOk4cPedEAkfXHRY+YIGVzE+ybP05AYHHKDmAWZZgsnCg8fw91xLyimT0HZMA+Vy6HJquY4D9j0KbwgfHh8=");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        open.add(resource);
        return resource;
    }

    /** Resolves every name to {@code address}, as a DNS server under someone else's control might. */
    private static AddressGuard.HostResolver everyNameTo(String address) {
        return host -> new InetAddress[]{InetAddress.getByName(address)};
    }

    @Test
    void get_manyPagesOfOneSite_oneKeptAliveConnection() throws Exception {
        KeepAliveServer site = closing(KeepAliveServer.start());
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(HttpPageFetcherTest.settings()));

        for (int i = 0; i < 10; i++) {
            assertThat(fetcher.get(site.uri("/page/" + i)).error()).isNull();
        }
        for (int i = 0; i < 5; i++) {
            assertThat(fetcher.check(site.uri("/page/" + i)).error()).isNull();
        }

        // robots.txt + 10 GET + 5 HEAD: one connection (a client closing each would have opened 16)
        assertThat(site.requests).hasSize(16);
        assertThat(site.connections).hasSize(1);
    }

    @Test
    void fetchersGivenOneGates_shareOnePool_closingOneLeavesTheOtherItsConnections() throws Exception {
        KeepAliveServer site = closing(KeepAliveServer.start());
        FetchSettings settings = HttpPageFetcherTest.settings();
        HostGates node = closing(new HostGates(settings));
        HttpPageFetcher crawl = new HttpPageFetcher(settings, node);
        HttpPageFetcher probe = closing(new HttpPageFetcher(settings, node));

        assertThat(crawl.get(site.uri("/page/1")).error()).isNull();
        assertThat(probe.check(site.uri("/page/2")).error()).isNull();
        // both fetchers' idle connections are in the node's one pool
        assertThat(node.client().connectionPool().connectionCount()).isEqualTo(site.connections.size()).isPositive();

        crawl.close(); // a fetcher given the gates does not close the node's client
        int before = site.connections.size();
        assertThat(probe.check(site.uri("/page/3")).error()).isNull();
        assertThat(site.connections).hasSize(before); // the probe's kept-alive connection served it
        assertThat(node.client().connectionPool().connectionCount()).isPositive();

        node.close(); // the owner closes it: no idle connection is left
        assertThat(node.client().connectionPool().connectionCount()).isZero();
    }

    @Test
    void fetcherWithItsOwnGates_closesItsPoolOnClose() throws Exception {
        KeepAliveServer site = closing(KeepAliveServer.start());
        HttpPageFetcher fetcher = new HttpPageFetcher(HttpPageFetcherTest.settings());
        assertThat(fetcher.get(site.uri("/page/1")).error()).isNull();
        HostGates own = fetcher.gates();
        assertThat(own.client().connectionPool().connectionCount()).isPositive();

        fetcher.close();

        assertThat(own.client().connectionPool().connectionCount()).isZero();
    }

    @Test
    void get_nameResolvingToLoopbackNotAllowListed_blockedAndNeverContacted() throws Exception {
        HostileServer intranet = closing(HostileServer.start("127.0.0.2"));
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[127.0.0.1/32]"), everyNameTo("127.0.0.2")));
        URI uri = URI.create("http://intranet.example:" + intranet.port() + "/ok");

        FetchResult get = fetcher.get(uri);
        FetchResult check = fetcher.check(uri);

        assertThat(get.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(get.errorDetail()).contains("127.0.0.2");
        assertThat(check.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(intranet.requestCount()).isZero();
    }

    @Test
    void get_redirectToNameResolvingToBlockedAddress_blockedAndTargetNeverContacted() throws Exception {
        HostileServer site = closing(HostileServer.start());
        HostileServer intranet = closing(HostileServer.start("127.0.0.2"));
        // Literals resolve to themselves; the name of the redirect target resolves to the intranet server.
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[127.0.0.1/32]"),
                host -> new InetAddress[]{InetAddress.getByName(
                        host.equals("intranet.example") ? "127.0.0.2" : host)}));
        URI target = URI.create("http://intranet.example:" + intranet.port() + "/ok");
        URI start = site.uri("/redirect?to=" + URLEncoder.encode(target.toString(), StandardCharsets.UTF_8));

        FetchResult r = fetcher.get(start);

        assertThat(r.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(r.redirects()).containsExactly(start.toString());
        assertThat(r.finalUrl()).isEqualTo(target.toString());
        assertThat(intranet.requestCount()).isZero();
    }

    @Test
    void get_pooledConnectionWhosePortBecameOurOwn_refusedWithoutSending() throws Exception {
        KeepAliveServer site = closing(KeepAliveServer.start());
        OwnPorts own = OwnPorts.none();
        // A name: once its connection is pooled, no lookup happens again, so only the peer check can refuse.
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[127.0.0.1/32]").withOwnPorts(own),
                everyNameTo("127.0.0.1")));
        URI before = URI.create("http://site.example:" + site.port() + "/page/before");
        URI after = URI.create("http://site.example:" + site.port() + "/page/after");
        assertThat(fetcher.get(before).error()).isNull();

        own.add(site.port());
        FetchResult r = fetcher.get(after);

        assertThat(r.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(r.errorDetail()).contains("own port");
        assertThat(site.requests).doesNotContain("/page/after");
    }

    @Test
    void check_dnsNeverAnswers_deadlineExceeded() {
        // OkHttp cannot interrupt a lookup: only the fetcher's wait on its helper thread can stop this one.
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(HttpPageFetcherTest.settings("deadlineMs", "1000"),
                host -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new java.net.UnknownHostException(host);
                }));

        FetchResult r = fetcher.check(URI.create("http://slow-dns.example/"));

        assertThat(r.error()).isEqualTo(FetchErrorKind.DEADLINE_EXCEEDED);
    }

    @Test
    void get_throughProxy_targetCheckedByTheGuardBeforeTheProxyIsAsked() throws Exception {
        HostileServer proxy = closing(HostileServer.start());
        proxy.route("http://public.example/ok", (req, s, out) ->
                HostileServer.respond(out, 200, "text/html; charset=utf-8", HostileServer.PAGE));
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[]", "proxyHost", "127.0.0.1",
                        "proxyPort", String.valueOf(proxy.port())),
                host -> new InetAddress[]{InetAddress.getByName(
                        host.equals("public.example") ? "93.184.216.34" : "10.0.0.5")}));

        FetchResult allowed = fetcher.get(URI.create("http://public.example/ok"));
        FetchResult refused = fetcher.get(URI.create("http://intranet.example/ok"));

        assertThat(allowed.error()).isNull();
        assertThat(allowed.body()).asString(StandardCharsets.UTF_8).isEqualTo(HostileServer.PAGE);
        assertThat(refused.error()).isEqualTo(FetchErrorKind.BLOCKED_ADDRESS);
        assertThat(proxy.requests()).extracting(HostileServer.Request::target)
                .containsExactly("http://public.example/robots.txt", "http://public.example/ok");
    }

    @Test
    void get_hostPinnedToAddressAndPort_connectsThereWithTheSiteNameAsHost() throws Exception {
        HostileServer site = closing(HostileServer.start());
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[127.0.0.1/32]",
                        "hostOverrides", "{site.example: \"127.0.0.1:" + site.port() + "\"}")));

        FetchResult r = fetcher.get(URI.create("http://site.example/ok?pinned"));

        assertThat(r.error()).isNull();
        assertThat(r.finalUrl()).isEqualTo("http://site.example/ok?pinned");
        assertThat(site.requests().stream().filter(q -> "pinned".equals(q.query())).findFirst().orElseThrow()
                .header("Host")).isEqualTo("site.example");
    }

    @Test
    void get_brotliPage_decoded() throws Exception {
        HostileServer site = closing(HostileServer.start());
        site.route("/br", (req, s, out) ->
                HostileServer.respond(out, 200, "text/html; charset=utf-8", PAGE_BROTLI, "Content-Encoding: br"));
        HttpPageFetcher fetcher = closing(new HttpPageFetcher(HttpPageFetcherTest.settings()));

        FetchResult r = fetcher.get(site.uri("/br"));

        assertThat(r.error()).isNull();
        assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo(HostileServer.PAGE);
        assertThat(r.bytes()).isEqualTo(HostileServer.PAGE.length());
    }

    @Test
    void get_httpsSiteOfferingHttp2_http2OnOneConnection() throws Exception {
        HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate serverCertificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("site.example").signedBy(authority).build();
        Http2Server site = closing(Http2Server.start(
                new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build()));
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(authority.certificate()).build();
        // a generous deadline: the first TLS handshake on a loaded CI machine can take seconds, and the point here
        // is the protocol and the connection count, not speed
        HttpPageFetcher fetcher = closing(HttpPageFetcher.trusting(
                HttpPageFetcherTest.settings("allowPrivateCidrs", "[127.0.0.1/32]", "deadlineMs", "20000"),
                everyNameTo("127.0.0.1"), trust.sslSocketFactory(), trust.trustManager()));

        for (int i = 0; i < 5; i++) {
            FetchResult r = fetcher.get(URI.create("https://site.example:" + site.port() + "/page/" + i));
            assertThat(r.error()).isNull();
            assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo(HostileServer.PAGE);
        }

        // robots.txt + 5 pages, all over HTTP/2 (negotiated by ALPN), on one TLS connection
        assertThat(site.protocols).hasSize(6).containsOnly("HTTP/2.0");
        assertThat(site.connections).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------------ servers

    /**
     * The JDK's HTTP server, which keeps connections alive: counts requests and the connections they came on
     * (one client address and port per connection). 404 for robots.txt, a page for everything else.
     */
    private static final class KeepAliveServer implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
        private final HttpServer server;
        private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "keepalive-test-server");
            t.setDaemon(true);
            return t;
        });

        private KeepAliveServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            server.createContext("/", this::answer);
            server.setExecutor(pool);
            server.start();
        }

        static KeepAliveServer start() throws IOException {
            return new KeepAliveServer();
        }

        int port() {
            return server.getAddress().getPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        private void answer(HttpExchange exchange) throws IOException {
            requests.add(exchange.getRequestURI().getPath());
            connections.add(exchange.getRemoteAddress());
            boolean robots = exchange.getRequestURI().getPath().equals("/robots.txt");
            byte[] body = (robots ? "<p>not found</p>" : HostileServer.PAGE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(robots ? 404 : 200, head ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** Jetty over TLS offering h2 and http/1.1 by ALPN; records each request's protocol and connection. */
    private static final class Http2Server implements AutoCloseable {
        final List<String> protocols = new CopyOnWriteArrayList<>();
        final Set<String> connections = ConcurrentHashMap.newKeySet();
        private final Server server;
        private final ServerConnector connector;

        private Http2Server(HandshakeCertificates certificates) throws Exception {
            server = new Server(new QueuedThreadPool(8, 2));
            HttpConfiguration config = new HttpConfiguration();
            HttpConnectionFactory http1 = new HttpConnectionFactory(config);
            HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http1.getProtocol());
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(certificates.sslContext());
            connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2,
                    http1);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    protocols.add(request.getConnectionMetaData().getProtocol());
                    connections.add(request.getConnectionMetaData().getId());
                    boolean robots = Request.getPathInContext(request).equals("/robots.txt");
                    byte[] body = (robots ? "<p>not found</p>" : HostileServer.PAGE).getBytes(StandardCharsets.UTF_8);
                    response.setStatus(robots ? 404 : 200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                    response.write(true, ByteBuffer.wrap(body), callback);
                    return true;
                }
            });
            server.start();
        }

        static Http2Server start(HandshakeCertificates certificates) throws Exception {
            return new Http2Server(certificates);
        }

        int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the HTTP/2 test server", e);
            }
        }
    }
}
