package org.egovmonitor.demo.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Serves many generated sites, each as its own host, from one Jetty {@link Server} with one shared thread pool.
 *
 * <p>Dispatch: by the request's host (the Host header, or the host of an absolute-form request line, so the farm
 * also works as an HTTP proxy for sites with names such as {@code www.chizhou.gov.cn}), else by the local address the
 * connection arrived on.
 *
 * <p>Binding ({@link Binding}): by default one connector on the wildcard address. Linux routes all of 127.0.0.0/8 to
 * {@code lo}, and a socket can only listen on one address or on all of them, so serving 500 loopback hosts means
 * either one wildcard socket or 500 sockets. Each Jetty connector owns at least one selector thread, so 500
 * connectors cost 500+ threads; the wildcard connector costs a handful. Measured here (2 shared cores, 500 sites,
 * ~12 sections each): WILDCARD 5 threads, PER_ADDRESS 501 threads, both ~80 MB heap after start and ~700-800
 * requests/s from a single java.net.http client (the client was the bottleneck). Requests from non-loopback peers are
 * refused (403) since the wildcard socket is reachable from the network. {@link Binding#PER_ADDRESS} binds one
 * connector per loopback address (acceptor-less, one selector each) and lets {@link #setDown} refuse connections
 * for real; use it for availability tests on a modest number of sites.
 *
 * <p>Everything a request needs is rendered before {@link #start} returns, except item detail pages, which are
 * rendered once on first request and cached. Latency is added with the shared scheduler, not by sleeping.
 */
public final class SiteFarm implements AutoCloseable {

    public enum Binding {
        /** One connector on 0.0.0.0; down sites answer 503. */
        WILDCARD,
        /** One connector per distinct IP host; down sites refuse connections. Name hosts answer 503 when down. */
        PER_ADDRESS
    }

    /**
     * @param binding     how sockets are bound
     * @param latency     artificial delay added to every response (zero for none); per host via {@link #setLatency}
     * @param maxThreads  size of the shared thread pool
     * @param linkPeers   give every spec without peers up to three other farm roots as peers (external decoy links
     *                    that answer 200)
     * @param advertisedPort the port written into the sites' URLs, or null for the bound port. 80 gives URLs such as
     *                    {@code http://www.chizhou.gov.cn/} while the farm listens on a free port; clients then
     *                    reach it through a host override with a port (see {@code hostOverrides} in crawl.yml)
     * @param tls         with {@link Binding#WILDCARD}: the port answers TLS too (told apart from plain HTTP by its
     *                    first bytes), with this context's certificate; null: plain HTTP only
     * @param httpsOnly   hosts whose plain-HTTP requests are redirected (301) to the same address over https
     */
    public record Options(Binding binding, Duration latency, int maxThreads, boolean linkPeers,
                          Integer advertisedPort, SSLContext tls, Set<String> httpsOnly) {

        public Options {
            httpsOnly = httpsOnly == null ? Set.of() : Set.copyOf(httpsOnly);
        }

        public Options(Binding binding, Duration latency, int maxThreads, boolean linkPeers) {
            this(binding, latency, maxThreads, linkPeers, null, null, null);
        }

        public static Options defaults() {
            return new Options(Binding.WILDCARD, Duration.ZERO, 64, true);
        }

        public Options withBinding(Binding b) {
            return new Options(b, latency, maxThreads, linkPeers, advertisedPort, tls, httpsOnly);
        }

        public Options withLatency(Duration d) {
            return new Options(binding, d, maxThreads, linkPeers, advertisedPort, tls, httpsOnly);
        }

        public Options withAdvertisedPort(Integer p) {
            return new Options(binding, latency, maxThreads, linkPeers, p, tls, httpsOnly);
        }

        /** TLS on the port with {@code context}'s certificate, and {@code hosts} redirected from http to https. */
        public Options withTls(SSLContext context, Set<String> hosts) {
            return new Options(binding, latency, maxThreads, linkPeers, advertisedPort, context, hosts);
        }
    }

    /**
     * A site served under a path of another host, as county sites carry their townships' pages
     * ({@code http://www.dongzhi.gov.cn/xiangzhen/zhaotan/}). The spec's host is that host; its pages are generated
     * as if at the root and their root-relative and absolute links are moved under {@code prefix} when served.
     *
     * @param prefix the path, starting with '/' and without a trailing '/' ({@code /xiangzhen/zhaotan})
     */
    public record Mount(String prefix, SiteSpec spec) {
        public Mount {
            if (!prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
                throw new IllegalArgumentException("mount prefix must look like /a/b, got " + prefix);
            }
        }
    }

    private final Server server;
    private final ScheduledExecutorScheduler scheduler;
    private final Map<String, GeneratedSite> sites;
    private final Map<String, List<MountedSite>> mounts = new ConcurrentHashMap<>();
    private final Map<String, ServerConnector> connectorsByHost;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> httpsOnly = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, Long> latencyMs = new ConcurrentHashMap<>();
    private final long defaultLatencyMs;
    private final int port;

    private SiteFarm(Server server, ScheduledExecutorScheduler scheduler, Map<String, GeneratedSite> sites,
                     Map<String, ServerConnector> connectorsByHost, long defaultLatencyMs, int port) {
        this.server = server;
        this.scheduler = scheduler;
        this.sites = sites;
        this.connectorsByHost = connectorsByHost;
        this.defaultLatencyMs = defaultLatencyMs;
        this.port = port;
    }

    public static SiteFarm start(List<SiteSpec> specs) {
        return start(specs, Options.defaults());
    }

    /**
     * Binds, generates and serves. All specs must share one port; port 0 picks a free one and the sites are
     * generated with it (so their truth names the real URLs).
     */
    public static SiteFarm start(List<SiteSpec> specs, Options options) {
        return start(specs, List.of(), options);
    }

    /** As {@link #start(List, Options)}, plus sites mounted under paths of the hosts in {@code specs}. */
    public static SiteFarm start(List<SiteSpec> specs, List<Mount> mounts, Options options) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no sites");
        }
        int wantedPort = specs.get(0).port();
        Map<String, SiteSpec> byHost = new LinkedHashMap<>();
        for (SiteSpec s : specs) {
            if (s.port() != wantedPort) {
                throw new IllegalArgumentException("all sites must share one port: " + s.host() + ":" + s.port());
            }
            if (byHost.put(s.host(), s) != null) {
                throw new IllegalArgumentException("duplicate host " + s.host());
            }
        }
        // every connector leases one selector thread from the pool for its lifetime
        long ipHosts = byHost.keySet().stream().filter(SiteFarm::isIpLiteral).count();
        int maxThreads = options.binding() == Binding.PER_ADDRESS
                ? (int) Math.max(options.maxThreads(), ipHosts + options.maxThreads()) : options.maxThreads();
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 4);
        pool.setName("farm");
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("farm-scheduler", false);
        Server server = new Server(pool, scheduler, null);
        Map<String, ServerConnector> connectorsByHost = new LinkedHashMap<>();
        try {
            int port = wantedPort;
            if (options.binding() == Binding.WILDCARD) {
                ServerConnector c = options.tls() == null
                        ? new ServerConnector(server, 1, 2, new HttpConnectionFactory())
                        : new ServerConnector(server, 1, 2, tlsOrPlain(options.tls()));
                c.setPort(port);
                c.setIdleTimeout(30_000);
                server.addConnector(c);
                c.open();
                port = c.getLocalPort();
            } else {
                for (String host : byHost.keySet()) {
                    if (!isIpLiteral(host)) {
                        continue;
                    }
                    ServerConnector c = new ServerConnector(server, 0, 1, new HttpConnectionFactory());
                    c.setHost(host);
                    c.setPort(port);
                    c.setIdleTimeout(30_000);
                    server.addConnector(c);
                    c.open();
                    port = c.getLocalPort();
                    c.setPort(port); // so a connector stopped by setDown rebinds the same port
                    connectorsByHost.put(host, c);
                }
                if (connectorsByHost.isEmpty()) {
                    throw new IllegalArgumentException("PER_ADDRESS binding needs IP hosts");
                }
            }
            int advertised = options.advertisedPort() != null ? options.advertisedPort() : port;
            List<SiteSpec> finalSpecs = new ArrayList<>();
            List<String> roots = new ArrayList<>();
            for (SiteSpec s : byHost.values()) {
                roots.add(s.withPort(advertised).rootUrl());
            }
            int i = 0;
            for (SiteSpec s : byHost.values()) {
                SiteSpec f = s.withPort(advertised);
                if (options.linkPeers() && f.peerUrls().isEmpty() && roots.size() > 1) {
                    List<String> peers = new ArrayList<>();
                    for (int k = 1; k <= Math.min(3, roots.size() - 1); k++) {
                        peers.add(roots.get((i + k) % roots.size()));
                    }
                    f = f.withPeers(peers);
                }
                finalSpecs.add(f);
                i++;
            }
            SiteGenerator generator = new SiteGenerator();
            Map<String, GeneratedSite> sites = new ConcurrentHashMap<>();
            finalSpecs.parallelStream().forEach(s -> sites.put(s.host(), generator.generate(s)));
            SiteFarm farm = new SiteFarm(server, scheduler, sites, connectorsByHost,
                    options.latency().toMillis(), port);
            farm.httpsOnly.addAll(options.httpsOnly());
            for (Mount mount : mounts) {
                String host = mount.spec().host();
                if (!sites.containsKey(host)) {
                    throw new IllegalArgumentException("mount on unknown host " + host + mount.prefix());
                }
                MountedSite ms = new MountedSite(mount.prefix(), generator.generate(mount.spec().withPort(advertised)));
                farm.mounts.computeIfAbsent(host, h -> new ArrayList<>()).add(ms);
            }
            server.setHandler(farm.new FarmHandler());
            server.start();
            return farm;
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot bind the farm", io);
            }
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** TLS and plain HTTP on one port, told apart by the first bytes a client sends. */
    private static ConnectionFactory[] tlsOrPlain(SSLContext context) {
        HttpConnectionFactory http = new HttpConnectionFactory();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        // the https check verifies the name itself; an unknown SNI name must not end the handshake early
        tls.setSniRequired(false);
        SslConnectionFactory ssl = new SslConnectionFactory(tls, http.getProtocol());
        return new ConnectionFactory[] {new DetectorConnectionFactory(ssl), http};
    }

    public int port() {
        return port;
    }

    public Collection<String> hosts() {
        return sites.keySet();
    }

    /** Root URL of a host's site ({@code http://127.0.1.7:8080/}). */
    public String url(String host) {
        return site(host).spec().rootUrl();
    }

    /** The site mounted at {@code prefix} of {@code host}. */
    public GeneratedSite mounted(String host, String prefix) {
        return mounts.getOrDefault(host.toLowerCase(Locale.ROOT), List.of()).stream()
                .filter(m -> m.prefix().equals(prefix)).map(MountedSite::site).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site mounted at " + host + prefix));
    }

    public SiteTruth truth(String host) {
        return site(host).truth();
    }

    public GeneratedSite site(String host) {
        GeneratedSite s = sites.get(host.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("no such farm host: " + host);
        }
        return s;
    }

    /**
     * Regenerates a host's root site with other overrides, as its owner would rework it (a site brought up to date
     * after a 整改 notice): the same seed, name, port, peers and day, new pages for every request from now on. The
     * farm's only run-time content change; requests are served exactly as before.
     *
     * @return the new site (its truth is what a crawl will now find)
     */
    public GeneratedSite change(String host, SiteSpec.Overrides overrides) {
        SiteSpec spec = site(host).spec().withOverrides(overrides);
        GeneratedSite changed = new SiteGenerator().generate(spec);
        sites.put(spec.host(), changed);
        return changed;
    }

    /**
     * Takes a site down or brings it back. With {@link Binding#PER_ADDRESS} an IP host's connector is closed, so
     * connections are refused; otherwise requests answer 503. Other sites' truth still assumes it is up.
     */
    public synchronized void setDown(String host, boolean isDown) {
        String h = site(host).spec().host();
        ServerConnector c = connectorsByHost.get(h);
        if (c != null) {
            try {
                if (isDown && c.isStarted()) {
                    c.stop();
                } else if (!isDown && !c.isStarted()) {
                    c.start();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot toggle connector of " + h, e);
            }
        }
        if (isDown) {
            down.add(h);
        } else {
            down.remove(h);
        }
    }

    /**
     * Requests answered for farm sites since start, by method and status class ({@code GET 2xx}, {@code HEAD 4xx}
     * ...), plus {@code bytes} of bodies sent. Benchmarks read it (also served as text on any non-farm host at
     * {@code /__farm/stats}) to count exactly what a tool fetched.
     */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        requestCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void count(String key, long n) {
        requestCounts.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    /** Delay every response of a host by {@code latency} (zero removes it). */
    public void setLatency(String host, Duration latency) {
        latencyMs.put(site(host).spec().host(), latency.toMillis());
    }

    @Override
    public void close() {
        try {
            server.stop();
            server.join();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the farm", e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private GeneratedSite dispatch(Request request) {
        String host = request.getHttpURI().getHost();
        if (host != null) {
            GeneratedSite s = sites.get(host.toLowerCase(Locale.ROOT));
            if (s != null) {
                return s;
            }
        }
        SocketAddress local = request.getConnectionMetaData().getLocalSocketAddress();
        if (local instanceof InetSocketAddress isa) {
            return sites.get(isa.getAddress().getHostAddress());
        }
        return null;
    }

    private MountedSite mountFor(String host, String pathQuery) {
        for (MountedSite m : mounts.getOrDefault(host, List.of())) {
            if (pathQuery.startsWith(m.prefix() + "/") || pathQuery.equals(m.prefix())) {
                return m;
            }
        }
        return null;
    }

    /**
     * Answers 403 to a caller that is not on this machine (a farm serves test pages only to local clients).
     *
     * @return true when the request was answered so
     */
    public static boolean refusedUnlessLoopback(Request request, Response response, Callback callback) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress isa && !isa.getAddress().isLoopbackAddress()) {
            Response.writeError(request, response, callback, 403);
            return true;
        }
        return false;
    }

    private final class FarmHandler extends Handler.Abstract.NonBlocking {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (refusedUnlessLoopback(request, response, callback)) {
                return true;
            }
            GeneratedSite site = dispatch(request);
            FarmPage page;
            if (site == null && "/__farm/stats".equals(request.getHttpURI().getPath())) {
                StringBuilder b = new StringBuilder();
                requestCounts().forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
                page = new FarmPage("text/plain", b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        200);
            } else if (site == null) {
                page = new FarmPage("text/plain", "no such site\n".getBytes(java.nio.charset.StandardCharsets
                        .US_ASCII), 404);
            } else if (!request.isSecure() && httpsOnly.contains(site.spec().host())) {
                // an https site: plain HTTP only redirects, as such sites do
                String pathQuery = request.getHttpURI().getPathQuery();
                count(request.getMethod() + " 3xx", 1);
                response.setStatus(301);
                response.getHeaders().put(HttpHeader.LOCATION, "https://" + site.spec().host()
                        + (pathQuery == null || pathQuery.isEmpty() ? "/" : pathQuery));
                response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                return true;
            } else if (down.contains(site.spec().host())) {
                page = new FarmPage("text/html", "<html><body>503 Service Unavailable</body></html>"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII), 503);
            } else {
                String pathQuery = request.getHttpURI().getPathQuery();
                pathQuery = pathQuery == null || pathQuery.isEmpty() ? "/" : pathQuery;
                MountedSite mounted = mountFor(site.spec().host(), pathQuery);
                page = mounted != null ? mounted.respond(pathQuery) : site.respond(pathQuery);
            }
            if (site != null) {
                count(request.getMethod() + " " + page.status() / 100 + "xx", 1);
                if (!"HEAD".equals(request.getMethod())) {
                    count("bytes", page.body().length);
                }
            }
            long delay = site == null ? 0 : latencyMs.getOrDefault(site.spec().host(), defaultLatencyMs);
            if (delay > 0) {
                FarmPage p = page;
                scheduler.schedule(() -> p.send(request, response, callback), delay, TimeUnit.MILLISECONDS);
            } else {
                page.send(request, response, callback);
            }
            return true;
        }

    }
}
