package org.egovmonitor.crawler.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defensive {@link PageFetcher}, over one OkHttp client per fetcher (a fetcher is made once per process and
 * role: the crawl engine, the availability probe, the contribution checks). TLS through the JDK's default trust
 * store, hostname verification on, HTTP/2 when the server offers it by ALPN, HTTP/1.1 otherwise.
 *
 * <h2>The steps of a fetch</h2>
 * {@link TargetUrls#validate validate} the URL → {@link RobotsRules robots.txt} → the host's politeness
 * {@link HostGate gate} and a global slot → the exchange, repeated for each redirect hop (names and peers checked by
 * {@link GuardedDns}) → {@link BodyReader read the body} under the caps → {@link FetchFailures classify} a network
 * failure. This class holds the redirect loop and builds and sends the request; each step's rules live in its own
 * class.
 *
 * <h2>Why OkHttp</h2>
 * A site costs some thirty requests, and government sites are mostly HTTPS: a new TCP connection and TLS handshake
 * per request (what a one-request-per-connection client does) dominates the fetch on a real network. OkHttp (the
 * client StormCrawler and Nutch crawl with) brings keep-alive pooling per host, HTTP/2, and the whole of HTTP framing
 * (chunked, Content-Length, 1xx, trailers), so none of that is hand-written here. Unlike {@code java.net.http}
 * on Java 17 it can be closed, resolves names through a {@link Dns} we supply (so there is no second, unchecked
 * lookup), reports the peer of every connection to an interceptor, and has a per-call wall-clock timeout.
 *
 * <h2>How each guarantee is kept</h2>
 * <ul>
 *   <li><b>SSRF, names.</b> The client's {@link Dns} is the {@link AddressGuard} (with {@link HostOverrides} as its
 *       lookup): every address of a name is checked, and a refused one fails the fetch with BLOCKED_ADDRESS before
 *       anything connects. The client connects to exactly the checked addresses, so there is no rebinding window.</li>
 *   <li><b>SSRF, literals and proxies.</b> OkHttp does not ask the {@code Dns} for IP literals (nor for the target
 *       when a proxy is configured): those hosts are checked by the same guard before the call.</li>
 *   <li><b>SSRF, the actual peer.</b> A network interceptor checks the remote address and port of the connection
 *       every request is about to be sent on, pooled or new ({@link AddressGuard#check}); this also applies the
 *       {@link OwnPorts} rule to connections opened before a port was added.</li>
 *   <li><b>Redirects.</b> The client follows none: this class follows them, each hop through robots.txt, the
 *       politeness gate and the guard again, with loop detection and the {@code maxRedirects} cap.</li>
 *   <li><b>Wall-clock deadline.</b> Each fetch gets a {@link Deadline} of {@code deadlineMs} covering DNS, connect,
 *       TLS, request, headers, body and every redirect hop; each call's OkHttp {@code timeout()} is set to what is
 *       left of it, which cancels the call (socket closed) wherever it is, a server dripping a byte a second
 *       included. DNS lookups cannot be interrupted, so the {@code Dns} runs them on a helper thread and waits for
 *       the time left only. Waiting for the host's politeness turn (and a global slot) is not part of the deadline:
 *       it is paused while queueing, and the queue wait has its own bound, {@code maxQueueWaitMs}, whose expiry is
 *       QUEUE_TIMEOUT. Connect and read timeouts are the client's {@code connectTimeoutMs} / {@code readTimeoutMs}.
 *       </li>
 *   <li><b>Size and decompression caps.</b> The fetcher sets {@code Accept-Encoding} itself, so OkHttp decodes
 *       nothing; the body is read from the response stream in bounded chunks and decoded here (gzip, deflate, br)
 *       while the compressed bytes consumed are counted, so the size cap applies to decoded bytes and the ratio
 *       guard sees both counts. A declared Content-Length above the cap is refused before reading. An abandoned
 *       body cancels the call, which drops that connection instead of draining it.</li>
 *   <li><b>No silent extra requests.</b> No cookies, no cache, no system proxy, no authenticator. OkHttp's one
 *       retry is kept: it replays a request once on a fresh connection when a <em>reused</em> connection failed
 *       (the server closed an idle keep-alive connection), never on a connection that failed the first time.</li>
 *   <li><b>Threads.</b> Calls run synchronously on the caller's thread ({@code execute()}; the dispatcher is never
 *       used); OkHttp's pool cleanup and HTTP/2 readers run on its shared daemon task runner.</li>
 *   <li><b>One client per node.</b> This fetcher's client is derived from the one in its {@link HostGates}
 *       (connection pool and dispatcher shared by every fetcher of the node: crawl, availability probe, portal
 *       collection). {@link #close()} cancels this fetcher's calls in flight and stops its DNS helper threads; the
 *       shared pool is closed by whoever created the gates (the server at shutdown, or this fetcher when it made
 *       its own gates).</li>
 * </ul>
 *
 * <h2>robots.txt</h2>
 * Fetched once per origin through the same guards, cached for {@code robotsCacheTtl}, parsed by crawler-commons;
 * 4xx (and a redirect chain that goes nowhere) means allow all, 5xx means disallow all (RFC 9309 §2.3.1), and an
 * unreachable robots.txt means the page is not requested either: the page result carries the network error kind
 * (CONNECT_REFUSED, ...) with a "robots.txt:" detail, which says more than ROBOTS_DISALLOWED would. Failures are
 * remembered for at most a minute. A Crawl-delay (capped by {@code maxCrawlDelayMs}) raises the host's delay between
 * requests. robots.txt is fetched under its own deadline of the same length, before the page's deadline starts.
 * <p>{@link #check(URI)} never fetches robots.txt: a health check is one request per link, like a visitor following
 * it, and fetching robots.txt from every external host would double the traffic to hosts we never crawl. When the
 * origin's robots.txt is already cached (the site being measured) its rules are honoured, so a site's own
 * disallowed links are not requested by the checker either. A cached "everything disallowed" that only stands for a
 * robots.txt answered with a server error is not honoured by a check: it says the host is failing, not what its
 * owner allows, and honouring it would make a link to a failing host count as broken or not depending on whether
 * something else had just fetched that host's robots.txt.
 */
public final class HttpPageFetcher implements PageFetcher, NetworkProbes {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPageFetcher.class);

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final String ACCEPT_ROBOTS = "text/plain,*/*;q=0.8";
    /** Set by us, so OkHttp leaves the body encoded and the decompression guard can count both sides. */
    private static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private enum Mode {
        /** A page: body kept when whole and HTML-like. */
        GET,
        /** Link check. */
        HEAD,
        /** Link check fallback: GET, headers only, body never read. */
        GET_HEADERS_ONLY,
        /** robots.txt: body truncated (not refused) at the robots cap, no HTML sniffing, no robots check. */
        ROBOTS
    }

    /** One request/response. */
    private record Hop(int status, String location, String contentType, byte[] body, long bytes) {
    }

    private final FetchSettings settings;
    private final HostOverrides overrides;
    private final Semaphore global;
    private final HostGates gates;
    /** Gates this fetcher made for itself (no shared ones given): it closes their client. */
    private final boolean ownsGates;
    private final RobotsRules robots;
    private final GuardedDns dns;
    private final BodyReader bodies;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final OkHttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NetworkProber prober;

    public HttpPageFetcher(FetchSettings settings) {
        this(settings, AddressGuard.SYSTEM_RESOLVER);
    }

    /** A fetcher whose per-host politeness is shared with the other fetchers given the same gates. */
    public HttpPageFetcher(FetchSettings settings, HostGates gates) {
        this(settings, AddressGuard.SYSTEM_RESOLVER, gates, false, UnaryOperator.identity());
    }

    /** With a custom resolver: tests use it to simulate hostile DNS answers. */
    public HttpPageFetcher(FetchSettings settings, AddressGuard.HostResolver hostResolver) {
        this(settings, hostResolver, new HostGates(settings), true, UnaryOperator.identity());
    }

    /** Tests: a fetcher trusting a test certificate authority (a local HTTPS server), otherwise as configured. */
    static HttpPageFetcher trusting(FetchSettings settings, AddressGuard.HostResolver hostResolver,
                                    SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
        return new HttpPageFetcher(settings, hostResolver, new HostGates(settings), true,
                b -> b.sslSocketFactory(sslSocketFactory, trustManager));
    }

    private HttpPageFetcher(FetchSettings settings, AddressGuard.HostResolver hostResolver, HostGates gates,
                            boolean ownsGates,
                            UnaryOperator<OkHttpClient.Builder> tuning) {
        this.settings = settings;
        this.gates = gates;
        this.ownsGates = ownsGates;
        this.robots = new RobotsRules(settings, gates, robotsUri -> fetch(robotsUri, Mode.ROBOTS, null));
        this.overrides = settings.overrides();
        // pinned hosts skip DNS but not the guard: their addresses are checked like any resolved address
        AddressGuard guard = new AddressGuard(settings.allowPrivateCidrs(), settings.allowPrivateEndpoints(),
                settings.ownPorts(), overrides.resolver(hostResolver));
        this.global = new Semaphore(settings.globalConcurrency(), true);
        this.dns = new GuardedDns(settings, guard);
        this.bodies = new BodyReader(settings);
        Proxy proxy = settings.proxyHost() == null ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.proxyHost(),
                settings.proxyPort()));
        // derived from the node's shared client: its connection pool and dispatcher, this fetcher's settings
        OkHttpClient.Builder builder = gates.client().newBuilder()
                .dns(dns)
                .proxy(proxy)
                .followRedirects(false)
                .followSslRedirects(false)
                .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
                .connectTimeout(settings.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeoutMs(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.readTimeoutMs(), TimeUnit.MILLISECONDS)
                // the default for a call; every call is given what is left of its fetch's deadline instead
                .callTimeout(settings.deadlineMs(), TimeUnit.MILLISECONDS)
                .eventListenerFactory(call -> {
                    HopContext hop = call.request().tag(HopContext.class);
                    return hop != null ? hop : EventListener.NONE;
                })
                .addNetworkInterceptor(dns::checkPeer);
        if (!settings.trustedAuthorities().isEmpty()) {
            // the platform's authorities and these (the demo farm's), for pages and the https check alike
            HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            settings.trustedAuthorities().forEach(trust::addTrustedCertificate);
            HandshakeCertificates certificates = trust.build();
            builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
        }
        this.client = tuning.apply(builder).build();
        this.prober = new NetworkProber(settings, dns, overrides, client.sslSocketFactory());
    }

    /** A TLS handshake with the host (inspection's https check), in the host's politeness turn. */
    @Override
    public TlsProbe tls(String host, int port) {
        return polite(host, d -> prober.tls(host, port, d), why -> TlsProbe.of(TlsProbe.Outcome.NOT_PROBED, why));
    }

    /** The host's IPv6 addresses and a connect to one (inspection's ipv6 check), in its politeness turn. */
    @Override
    public Ipv6Probe ipv6(String host, int port) {
        return polite(host, d -> prober.ipv6(host, port, d),
                why -> new Ipv6Probe(Ipv6Probe.Outcome.NOT_PROBED, List.of(), null, why));
    }

    /** Runs a probe of {@code host} like a request: in the host's turn, within a global slot and a fetch deadline. */
    private <T> T polite(String host, Function<Deadline, T> probe, Function<String, T> notProbed) {
        if (closed.get() || host == null || host.isBlank()) {
            return notProbed.apply(FetchErrorKind.IO_ERROR.label());
        }
        Deadline deadline = Deadline.startingNow(settings.deadlineMs(), settings.maxQueueWaitMs());
        HostGate gate = gate(host.toLowerCase(Locale.ROOT));
        try {
            try (Deadline.QueueWait queue = deadline.queue()) {
                gate.enter(queue);
                boolean slot;
                try {
                    slot = global.tryAcquire(Math.max(0, queue.remainingNanos()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException | RuntimeException e) {
                    gate.exit();
                    throw e;
                }
                if (!slot) {
                    gate.exit();
                    return notProbed.apply(FetchErrorKind.QUEUE_TIMEOUT.label());
                }
            }
            try {
                return probe.apply(deadline);
            } finally {
                global.release();
                gate.exit();
            }
        } catch (FetchFailure f) {
            return notProbed.apply(f.kind().label());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notProbed.apply(FetchErrorKind.IO_ERROR.label());
        }
    }

    @Override
    public FetchResult get(URI uri) {
        return fetch(uri, Mode.GET, null);
    }

    /**
     * HEAD, and when HEAD is refused (status >= 400, a reset or a malformed answer) a GET whose body is never read.
     * Both share one deadline.
     */
    @Override
    public FetchResult check(URI uri) {
        Deadline deadline = Deadline.startingNow(settings.deadlineMs(), settings.maxQueueWaitMs());
        FetchResult head = fetch(uri, Mode.HEAD, deadline);
        FetchErrorKind e = head.error();
        boolean refused = e == FetchErrorKind.HTTP_ERROR || e == FetchErrorKind.PROTOCOL_ERROR
                || e == FetchErrorKind.CONNECTION_RESET;
        if (!refused || deadline.expired()) {
            return head;
        }
        return fetch(uri, Mode.GET_HEADERS_ONLY, deadline);
    }

    /** The gates (and so the HTTP client) this fetcher sends through (for tests). */
    HostGates gates() {
        return gates;
    }

    /** The delay currently applied between request starts to {@code host} (for tests and diagnostics). */
    public long hostDelayMs(String host) {
        return gate(host.toLowerCase(Locale.ROOT)).delayMs();
    }

    /**
     * Cancels the calls in flight and stops the helper threads; closes the pooled connections only when the gates
     * (and so the client) are this fetcher's own.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Call call : inFlight) {
            call.cancel();
        }
        if (ownsGates) {
            gates.close();
        }
        dns.close();
    }

    // ---------------------------------------------------------------------------------------------- redirects

    private FetchResult fetch(URI uri, Mode mode, Deadline givenDeadline) {
        long entryNanos = System.nanoTime();
        String url = String.valueOf(uri);
        List<String> redirects = new ArrayList<>();
        Deadline deadline = givenDeadline;
        URI current;
        try {
            current = TargetUrls.validate(uri);
        } catch (FetchFailure f) {
            return failure(url, url, entryNanos, deadline, f, redirects);
        }
        Set<String> seen = new HashSet<>();
        seen.add(TargetUrls.key(current));
        while (true) {
            try {
                if (closed.get()) {
                    throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
                }
                if (mode != Mode.ROBOTS) {
                    robots.check(current, mode == Mode.GET);
                }
                if (deadline == null) {
                    deadline = Deadline.startingNow(settings.deadlineMs(), settings.maxQueueWaitMs());
                }
                Hop hop = exchange(current, mode, deadline);
                if (hop.location() == null) {
                    return new FetchResult(url, current.toString(), hop.status(), deadline.elapsedMs(), hop.bytes(),
                            hop.contentType(), hop.body(), null, null, List.copyOf(redirects));
                }
                URI next = TargetUrls.validate(TargetUrls.resolve(current, hop.location()));
                redirects.add(current.toString());
                if (!seen.add(TargetUrls.key(next))) {
                    throw new FetchFailure(FetchErrorKind.REDIRECT_LOOP, "redirect back to " + next, hop.status());
                }
                if (redirects.size() > settings.maxRedirects()) {
                    throw new FetchFailure(FetchErrorKind.TOO_MANY_REDIRECTS,
                            "more than " + settings.maxRedirects() + " redirects", hop.status());
                }
                current = next;
            } catch (FetchFailure f) {
                return failure(url, current.toString(), entryNanos, deadline, f, redirects);
            }
        }
    }

    private FetchResult failure(String url, String finalUrl, long entryNanos, Deadline deadline, FetchFailure f,
                                List<String> redirects) {
        long ms = deadline != null ? deadline.elapsedMs()
                : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entryNanos);
        if (!url.endsWith("/robots.txt")) {
            LOG.debug("fetch {} failed: {} ({})", url, f.kind(), f.getMessage());
        }
        return new FetchResult(url, finalUrl, f.status(), ms, 0, f.contentType(), null, f.kind(), f.getMessage(),
                List.copyOf(redirects));
    }

    // ------------------------------------------------------------------------------------------ one exchange

    private HostGate gate(String host) {
        return gates.gate(host);
    }

    private Hop exchange(URI target, Mode mode, Deadline deadline) throws FetchFailure {
        HostGate gate = gate(TargetUrls.host(target));
        try {
            // The deadline is paused while queueing: on a host shared by many sites the turn may be long.
            try (Deadline.QueueWait queue = deadline.queue()) {
                gate.enter(queue);
                try {
                    if (!global.tryAcquire(Math.max(0, queue.remainingNanos()), TimeUnit.NANOSECONDS)) {
                        throw new FetchFailure(FetchErrorKind.QUEUE_TIMEOUT, "queue wait passed waiting for a slot");
                    }
                } catch (FetchFailure | InterruptedException | RuntimeException e) {
                    gate.exit();
                    throw e;
                }
            }
            try {
                try {
                    return send(target, mode, deadline);
                } finally {
                    global.release();
                }
            } finally {
                gate.exit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "interrupted");
        }
    }

    /** Sends one request and reads its response, under what is left of {@code deadline}. */
    private Hop send(URI target, Mode mode, Deadline deadline) throws FetchFailure {
        if (closed.get()) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
        }
        String host = TargetUrls.host(target);
        int urlPort = TargetUrls.port(target);
        int port = overrides.port(host, urlPort);
        if (settings.proxyHost() != null || TargetUrls.isIpLiteral(host)) {
            // The client asks its Dns only for names, and through a proxy only for the proxy's name.
            dns.guardedLookup(host, port, deadline);
        }
        HttpUrl url = HttpUrl.parse(target.toString());
        if (url == null) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "not a fetchable URL: " + target);
        }
        HopContext hop = new HopContext(port, deadline);
        Request.Builder request = new Request.Builder()
                .url(port == urlPort ? url : url.newBuilder().port(port).build())
                .method(mode == Mode.HEAD ? "HEAD" : "GET", null)
                .header("User-Agent", settings.userAgent())
                .header("Accept", mode == Mode.ROBOTS ? ACCEPT_ROBOTS : ACCEPT_PAGE)
                .header("Accept-Encoding", ACCEPT_ENCODING)
                .tag(HopContext.class, hop);
        if (port != urlPort) {
            // a pinned port (HostOverrides) changes where we connect, not what the site is called
            request.header("Host", TargetUrls.hostHeader(host, urlPort));
        }
        long left = deadline.remainingNanos();
        if (left <= 0) {
            throw new FetchFailure(FetchErrorKind.DEADLINE_EXCEEDED, "deadline of the fetch passed before sending");
        }
        Call call = client.newCall(request.build());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        inFlight.add(call);
        dns.bind(hop);
        try {
            if (closed.get()) {
                throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
            }
            try (Response response = call.execute()) {
                try {
                    return readResponse(response, call, mode);
                } catch (FetchFailure f) {
                    if (f.kind() != FetchErrorKind.HTTP_ERROR) {
                        // A body refused or cut short: drop the connection rather than drain it. An error page
                        // (like a redirect's body) is drained by closing, within OkHttp's bound, and the connection
                        // kept for the site's next request.
                        call.cancel();
                    }
                    throw f;
                }
            }
        } catch (IOException e) {
            throw FetchFailures.classify(e, closed.get(), hop, deadline);
        } finally {
            dns.unbind();
            inFlight.remove(call);
        }
    }

    // --------------------------------------------------------------------------------------------- response

    private Hop readResponse(Response response, Call call, Mode mode) throws IOException, FetchFailure {
        int status = response.code();
        String contentType = response.header("Content-Type");
        if (REDIRECTS.contains(status)) {
            String location = response.header("Location");
            if (location == null || location.isBlank()) {
                throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "HTTP " + status + " without Location", status);
            }
            return new Hop(status, location, contentType, null, 0);
        }
        if (status >= 400) {
            throw new FetchFailure(FetchErrorKind.HTTP_ERROR, "HTTP " + status + " " + response.message(), status);
        }
        if (mode == Mode.HEAD) {
            return new Hop(status, null, contentType, null, 0);
        }
        if (mode == Mode.GET_HEADERS_ONLY) {
            call.cancel(); // the body is never read: drop the connection rather than drain it
            return new Hop(status, null, contentType, null, 0);
        }
        if (mode == Mode.GET && BodyReader.clearlyNotText(contentType)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "Content-Type " + contentType, status)
                    .withContentType(contentType);
        }
        byte[] body = bodies.read(response, mode == Mode.ROBOTS ? RobotsRules.MAX_BYTES : settings.maxBodyBytes(),
                mode == Mode.ROBOTS, status, call);
        if (mode == Mode.GET && BodyReader.looksBinary(body)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "binary bytes in a body labelled " + contentType, status)
                    .withContentType(contentType);
        }
        return new Hop(status, null, contentType, body, body.length);
    }
}
