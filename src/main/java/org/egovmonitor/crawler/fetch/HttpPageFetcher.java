package org.egovmonitor.crawler.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.brotli.dec.BrotliInputStream;
import org.egovmonitor.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defensive {@link PageFetcher}, over one OkHttp client per fetcher (a fetcher is made once per process and
 * role: the crawl engine, the availability probe, the contribution checks). TLS through the JDK's default trust
 * store, hostname verification on, HTTP/2 when the server offers it by ALPN, HTTP/1.1 otherwise.
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
 * disallowed links are not requested by the checker either.
 */
public final class HttpPageFetcher implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPageFetcher.class);

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Decoded size below which the ratio guard stays quiet: tiny bodies have meaningless ratios. */
    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;
    /** RFC 9309 §2.5: at least 500 KiB must be parsed; anything after may be ignored. */
    private static final long ROBOTS_MAX_BYTES = 512 * 1024;
    private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(1);
    private static final int SNIFF_BYTES = 1024;
    /**
     * Small on purpose: the ratio guard compares decoded bytes with the compressed bytes the decoder has pulled,
     * and a large read-ahead would make a bomb look less extreme than it is.
     */
    private static final int INFLATE_BUFFER = 2048;
    private static final int READ_CHUNK = 8192;
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final String ACCEPT_ROBOTS = "text/plain,*/*;q=0.8";
    /** Set by us, so OkHttp leaves the body encoded and the decompression guard can count both sides. */
    private static final String ACCEPT_ENCODING = "gzip, deflate, br";
    /** How long an idle keep-alive connection stays pooled: a site's next request usually comes within seconds. */
    private static final int NO_PORT = -1;

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

    /** A cached robots.txt outcome: rules, or the network failure that stopped us getting any. */
    private record RobotsEntry(BaseRobotRules rules, FetchErrorKind failure, String detail, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    /**
     * One call's state, attached to its request as a tag: the port (for the guard's port rules) and deadline (for the
     * DNS wait) the {@code Dns} needs, and whether a connection was reached (a socket timeout before that is a
     * connect timeout, after it a read timeout). Also the call's event listener, which records the latter.
     */
    private static final class HopContext extends EventListener {
        final int port;
        final Deadline deadline;
        volatile boolean connected;

        HopContext(int port, Deadline deadline) {
            this.port = port;
            this.deadline = deadline;
        }

        @Override
        public void secureConnectStart(Call call) {
            connected = true;
        }

        @Override
        public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
            connected = true;
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            connected = true;
        }
    }

    /**
     * The guard's refusal or a failed lookup, carried out of OkHttp's {@code Dns} (which may only throw
     * {@link UnknownHostException}) and out of the peer check, with the failure it stands for.
     */
    private static final class GuardFailure extends UnknownHostException {
        final transient FetchFailure failure;

        GuardFailure(FetchFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final HostOverrides overrides;
    private final Semaphore global;
    private final HostGates gates;
    /** Gates this fetcher made for itself (no shared ones given): it closes their client. */
    private final boolean ownsGates;
    /**
     * robots.txt outcomes by origin, each dropped when its cache lifetime is over (failures sooner, by
     * {@link RobotsEntry#fresh()}): a node meets tens of thousands of origins and must not keep them all.
     */
    private final Cache<String, RobotsEntry> robots;
    /** One lock per origin being loaded, so it is fetched once; weakly held, gone when no thread waits on it. */
    private final Cache<String, Object> robotsLocks = Caffeine.newBuilder().weakValues().build();
    /** The hop the calling thread is sending: OkHttp resolves names on the thread that executes the call. */
    private final ThreadLocal<HopContext> currentHop = new ThreadLocal<>();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService resolver;
    private final OkHttpClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

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
        this.robots = Caffeine.newBuilder().expireAfterWrite(settings.robotsCacheTtl()).build();
        this.overrides = settings.overrides();
        // pinned hosts skip DNS but not the guard: their addresses are checked like any resolved address
        this.guard = new AddressGuard(settings.allowPrivateCidrs(), settings.allowPrivateEndpoints(),
                settings.ownPorts(), overrides.resolver(hostResolver));
        this.global = new Semaphore(settings.globalConcurrency(), true);
        // DNS lookups cannot be interrupted; they run here so the caller can stop waiting at the deadline.
        this.resolver = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("egov-fetch-dns"));
        Proxy proxy = settings.proxyHost() == null ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.proxyHost(),
                settings.proxyPort()));
        // derived from the node's shared client: its connection pool and dispatcher, this fetcher's settings
        OkHttpClient.Builder builder = gates.client().newBuilder()
                .dns(this::lookup)
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
                .addNetworkInterceptor(this::checkPeer);
        this.client = tuning.apply(builder).build();
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
        resolver.shutdownNow();
        try {
            resolver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- redirects

    private FetchResult fetch(URI uri, Mode mode, Deadline givenDeadline) {
        long entryNanos = System.nanoTime();
        String url = String.valueOf(uri);
        List<String> redirects = new ArrayList<>();
        Deadline deadline = givenDeadline;
        URI current;
        try {
            current = validate(uri);
        } catch (FetchFailure f) {
            return failure(url, url, entryNanos, deadline, f, redirects);
        }
        Set<String> seen = new HashSet<>();
        seen.add(key(current));
        while (true) {
            try {
                if (closed.get()) {
                    throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
                }
                if (mode != Mode.ROBOTS) {
                    checkRobots(current, mode == Mode.GET);
                }
                if (deadline == null) {
                    deadline = Deadline.startingNow(settings.deadlineMs(), settings.maxQueueWaitMs());
                }
                Hop hop = exchange(current, mode, deadline);
                if (hop.location() == null) {
                    return new FetchResult(url, current.toString(), hop.status(), deadline.elapsedMs(), hop.bytes(),
                            hop.contentType(), hop.body(), null, null, List.copyOf(redirects));
                }
                URI next = validate(resolve(current, hop.location()));
                redirects.add(current.toString());
                if (!seen.add(key(next))) {
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

    /** Only absolute http(s) URLs with a host; the fragment is dropped and an empty path becomes "/". */
    static URI validate(URI given) throws FetchFailure {
        URI uri = given;
        if (uri == null || uri.getScheme() == null || !uri.isAbsolute()) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "not an absolute URL: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "not an http(s) URL: " + uri);
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null
                && !uri.getRawAuthority().chars().allMatch(c -> c < 0x80)) {
            uri = withPunycodeHost(uri);
        }
        // A null host means java.net.URI could not read a server authority (e.g. "0x7f.1"): never guess one.
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "no usable host in " + uri);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad port in " + uri);
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String ascii = new URI(scheme + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).toASCIIString();
            return new URI(ascii);
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad URL " + uri + ": " + e.getReason());
        }
    }

    /**
     * java.net.URI reads no host from an internationalised name ({@code http://政府.cn/}); rewrite the host part in
     * punycode (IDNA) so the URL can be fetched. Userinfo is dropped: we never send credentials.
     */
    private static URI withPunycodeHost(URI uri) throws FetchFailure {
        String authority = uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : authority.substring(colon);
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return new URI(uri.getScheme() + "://" + ascii + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad international host name in " + uri);
        }
    }

    /** Resolves a Location header against the current URL, tolerating unencoded spaces and non-ASCII. */
    private static URI resolve(URI base, String location) throws FetchFailure {
        try {
            return base.resolve(new URI(encodeLoosely(location.trim())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailure(FetchErrorKind.INVALID_URL, "bad redirect Location: " + location);
        }
    }

    private static String encodeLoosely(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String key(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri) + ":" + port(uri) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String host(URI uri) {
        String h = uri.getHost();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String origin(URI uri) {
        String h = host(uri);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":"
                + port(uri);
    }

    // ------------------------------------------------------------------------------------------------- robots

    private void checkRobots(URI target, boolean mayFetch) throws FetchFailure {
        String origin = origin(target);
        RobotsEntry entry = mayFetch ? robotsFor(origin) : robots.getIfPresent(origin);
        if (entry == null || (!mayFetch && !entry.fresh())) {
            return;
        }
        if (entry.failure() != null) {
            if (mayFetch) {
                throw new FetchFailure(entry.failure(), "robots.txt: " + entry.detail());
            }
            return;
        }
        if (!entry.rules().isAllowed(target.toString())) {
            throw new FetchFailure(FetchErrorKind.ROBOTS_DISALLOWED,
                    entry.detail() != null ? entry.detail() : "disallowed by " + origin + "/robots.txt");
        }
    }

    private RobotsEntry robotsFor(String origin) {
        RobotsEntry entry = robots.getIfPresent(origin);
        if (entry != null && entry.fresh()) {
            return entry;
        }
        synchronized (robotsLocks.get(origin, k -> new Object())) {
            entry = robots.getIfPresent(origin);
            if (entry == null || !entry.fresh()) {
                entry = loadRobots(origin);
                robots.put(origin, entry);
            }
            return entry;
        }
    }

    private RobotsEntry loadRobots(String origin) {
        URI robotsUri = URI.create(origin + "/robots.txt");
        FetchResult r = fetch(robotsUri, Mode.ROBOTS, null);
        long now = System.nanoTime();
        long okUntil = now + settings.robotsCacheTtl().toNanos();
        long failedUntil = now + Math.min(settings.robotsCacheTtl().toNanos(), ROBOTS_FAILURE_TTL.toNanos());
        if (r.ok() && r.status() < 300) {
            // A fresh parser per file: the parser counts warnings and is not thread-safe. Its own crawl-delay cap
            // would turn a long Crawl-delay into "disallow all"; we cap the delay ourselves instead.
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
            BaseRobotRules rules = parser.parseContent(robotsUri.toString(), r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(), List.of(settings.robotsAgent()));
            if (rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > 0) {
                gate(host(robotsUri)).crawlDelay(Math.min(rules.getCrawlDelay(), settings.maxCrawlDelayMs()));
            }
            return new RobotsEntry(rules, null, null, okUntil);
        }
        FetchErrorKind e = r.error();
        if ((e == FetchErrorKind.HTTP_ERROR && r.status() < 500) || e == FetchErrorKind.TOO_MANY_REDIRECTS
                || e == FetchErrorKind.REDIRECT_LOOP || (e == null)) {
            // "Unavailable" (RFC 9309 §2.3.1.3): crawl as if there were no robots.txt.
            return new RobotsEntry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, null,
                    okUntil);
        }
        if (e == FetchErrorKind.HTTP_ERROR) {
            // "Unreachable" (RFC 9309 §2.3.1.4): a server error means assume complete disallow.
            return new RobotsEntry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), null,
                    origin + "/robots.txt answered HTTP " + r.status() + ": everything disallowed (RFC 9309)",
                    failedUntil);
        }
        // A robots.txt request that never left our politeness queue says nothing about the site: fail this fetch
        // alike, but remember nothing, so the next fetch asks again.
        return new RobotsEntry(null, e, r.errorDetail(), e == FetchErrorKind.QUEUE_TIMEOUT ? now : failedUntil);
    }

    // ------------------------------------------------------------------------------------------ one exchange

    private HostGate gate(String host) {
        return gates.gate(host);
    }

    private Hop exchange(URI target, Mode mode, Deadline deadline) throws FetchFailure {
        HostGate gate = gate(host(target));
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
        String host = host(target);
        int urlPort = port(target);
        int port = overrides.port(host, urlPort);
        if (settings.proxyHost() != null || isIpLiteral(host)) {
            // The client asks its Dns only for names, and through a proxy only for the proxy's name.
            guardedLookup(host, port, deadline);
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
            request.header("Host", hostHeader(host, urlPort));
        }
        long left = deadline.remainingNanos();
        if (left <= 0) {
            throw new FetchFailure(FetchErrorKind.DEADLINE_EXCEEDED, "deadline of the fetch passed before sending");
        }
        Call call = client.newCall(request.build());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        inFlight.add(call);
        currentHop.set(hop);
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
            throw classify(e, hop, deadline);
        } finally {
            currentHop.remove();
            inFlight.remove(call);
        }
    }

    /** What OkHttp connects to without asking the Dns: IPv4 and IPv6 literals (all digits and dots, or a colon). */
    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static String hostHeader(String host, int port) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port != 80 && port != 443 ? h + ":" + port : h;
    }

    // ------------------------------------------------------------------------------------------ guard hooks

    /** The client's {@link Dns}: every name through the guard, the proxy's own name (operator's choice) as is. */
    private List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (settings.proxyHost() != null && hostname.equalsIgnoreCase(settings.proxyHost())) {
            return List.of(InetAddress.getAllByName(hostname));
        }
        HopContext hop = currentHop.get();
        try {
            return guardedLookup(hostname, hop != null ? hop.port : NO_PORT, hop != null ? hop.deadline : null);
        } catch (FetchFailure f) {
            throw new GuardFailure(f);
        }
    }

    /**
     * The guard's lookup of {@code host} for a connection to {@code port}, waited for at most until the deadline
     * (the whole {@code deadlineMs} when the hop is not known). Literals need no lookup and are checked at once.
     */
    private List<InetAddress> guardedLookup(String host, int port, Deadline deadline) throws FetchFailure {
        if (isIpLiteral(host)) {
            try {
                return port == NO_PORT ? guard.resolve(host) : guard.resolve(host, port);
            } catch (BlockedAddressException e) {
                throw new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, e.getMessage());
            } catch (UnknownHostException e) {
                throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "host not found: " + e.getMessage());
            }
        }
        Future<List<InetAddress>> lookup;
        try {
            lookup = resolver.submit(() -> port == NO_PORT ? guard.resolve(host) : guard.resolve(host, port));
        } catch (RejectedExecutionException e) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
        }
        long waitNanos = deadline != null ? deadline.remainingNanos()
                : TimeUnit.MILLISECONDS.toNanos(settings.deadlineMs());
        try {
            return lookup.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchFailure(FetchErrorKind.DEADLINE_EXCEEDED, "DNS lookup of " + host + " outlasted the deadline");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BlockedAddressException) {
                throw new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, cause.getMessage());
            }
            if (cause instanceof UnknownHostException) {
                throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "host not found: " + cause.getMessage());
            }
            throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "lookup of " + host + " failed: " + cause);
        }
    }

    /**
     * Network interceptor: the connection this request is about to go out on, new or pooled, must lead to an address
     * and port the guard allows. Through a proxy the peer is the proxy (the operator's), and the target was checked
     * before the call.
     */
    private Response checkPeer(Interceptor.Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            Socket socket = connection.socket();
            try {
                guard.check(socket.getInetAddress(), socket.getPort());
            } catch (BlockedAddressException e) {
                throw new GuardFailure(new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, "connection to "
                        + socket.getInetAddress().getHostAddress() + ":" + socket.getPort() + " refused: "
                        + e.getMessage()));
            }
        }
        return chain.proceed(chain.request());
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
        if (mode == Mode.GET && clearlyNotText(contentType)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "Content-Type " + contentType, status)
                    .withContentType(contentType);
        }
        byte[] body = readBody(response, mode == Mode.ROBOTS ? ROBOTS_MAX_BYTES : settings.maxBodyBytes(),
                mode == Mode.ROBOTS, status, call);
        if (mode == Mode.GET && looksBinary(body)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "binary bytes in a body labelled " + contentType, status)
                    .withContentType(contentType);
        }
        return new Hop(status, null, contentType, body, body.length);
    }

    /**
     * Reads the body in bounded chunks, decoding it here so the caps see real bytes: the size cap counts decoded
     * bytes, the ratio guard decoded bytes against the compressed bytes the decoder has consumed.
     */
    private byte[] readBody(Response response, long cap, boolean truncate, int status, Call call)
            throws IOException, FetchFailure {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        ResponseBody responseBody = response.body();
        String encoding = contentEncoding(response, status);
        long length = responseBody.contentLength();
        if (length >= 0 && encoding == null && length > cap && !truncate) {
            throw new FetchFailure(FetchErrorKind.TOO_LARGE,
                    "Content-Length " + length + " exceeds the cap of " + cap + " bytes", status);
        }
        CountingInputStream wire = new CountingInputStream(responseBody.byteStream());
        Inflater inflater = null;
        InputStream decoded;
        if (encoding == null) {
            decoded = wire;
        } else if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            decoded = new GZIPInputStream(wire, INFLATE_BUFFER);
        } else if (encoding.equals("br")) {
            decoded = new BrotliInputStream(wire, INFLATE_BUFFER);
        } else {
            // "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate: look first.
            PushbackInputStream peek = new PushbackInputStream(wire, 2);
            int b0 = peek.read();
            int b1 = b0 < 0 ? -1 : peek.read();
            if (b1 >= 0) {
                peek.unread(b1);
            }
            if (b0 >= 0) {
                peek.unread(b0);
            }
            boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
            inflater = new Inflater(!zlib);
            decoded = new InflaterInputStream(peek, inflater, INFLATE_BUFFER);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
        byte[] buf = new byte[READ_CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = decoded.read(buf)) != -1) {
                total += n;
                if (encoding != null && total > Math.min(RATIO_FLOOR_BYTES, cap)
                        && total > wire.count() * settings.maxDecompressionRatio()) {
                    throw new FetchFailure(FetchErrorKind.DECOMPRESSION_BOMB, wire.count() + " compressed bytes expanded to "
                            + total + " (ratio above " + settings.maxDecompressionRatio() + ")", status);
                }
                if (total > cap) {
                    if (truncate) {
                        out.write(buf, 0, (int) (n - (total - cap)));
                        call.cancel(); // the rest is not read: drop the connection rather than drain it
                        return out.toByteArray();
                    }
                    throw new FetchFailure(FetchErrorKind.TOO_LARGE,
                            "body exceeds the cap of " + cap + " bytes", status);
                }
                out.write(buf, 0, n);
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
        return out.toByteArray();
    }

    private static String contentEncoding(Response response, int status) throws FetchFailure {
        String value = response.header("Content-Encoding");
        if (value == null) {
            return null;
        }
        String e = value.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return null;
        }
        if (e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate") || e.equals("br")) {
            return e;
        }
        // We only offer gzip, deflate and br; anything else (stacked codings, zstd) cannot be decoded safely.
        throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "unsupported Content-Encoding " + value, status);
    }

    /** Counts the bytes read through it: the compressed size a decoder has consumed. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /**
     * True for media types that cannot be a web page. Text, XML flavours, octet-stream and a missing type are
     * read and sniffed instead, because misconfigured servers label HTML with them.
     */
    static boolean clearlyNotText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !(mime.isEmpty() || mime.startsWith("text/") || mime.endsWith("+xml") || mime.equals("application/xml")
                || mime.equals("application/octet-stream") || mime.equals("application/x-unknown")
                || mime.equals("unknown/unknown"));
    }

    /** A NUL byte, or more than 10% control characters, in the first KB (UTF-16/32 with a BOM excepted). */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, SNIFF_BYTES);
        if (n >= 2 && ((body[0] == (byte) 0xfe && body[1] == (byte) 0xff)
                || (body[0] == (byte) 0xff && body[1] == (byte) 0xfe))) {
            return false;
        }
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                control++;
            }
        }
        return control * 10 > n;
    }

    // ------------------------------------------------------------------------------------------- exceptions

    private FetchFailure classify(IOException e, HopContext hop, Deadline deadline) {
        if (e instanceof GuardFailure g) {
            return g.failure;
        }
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Throwable cause = e.getCause();
        FetchErrorKind kind;
        if (closed.get()) {
            kind = FetchErrorKind.IO_ERROR;
            detail = "fetcher closed (" + detail + ")";
        } else if (deadline.expired() || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
            // the call's timeout is the time left of the deadline: OkHttp reports it as InterruptedIOException
            kind = FetchErrorKind.DEADLINE_EXCEEDED;
            detail = "deadline of the fetch passed (" + detail + ")";
        } else if (e instanceof SSLException) {
            kind = FetchErrorKind.TLS_ERROR;
        } else if (e instanceof SocketTimeoutException) {
            kind = hop.connected ? FetchErrorKind.READ_TIMEOUT : FetchErrorKind.CONNECT_TIMEOUT;
        } else if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            kind = m.contains("timed out") ? FetchErrorKind.CONNECT_TIMEOUT : FetchErrorKind.CONNECT_REFUSED;
        } else if (e instanceof UnknownHostException) {
            kind = FetchErrorKind.DNS_FAILURE;
        } else if (e instanceof ProtocolException || e instanceof ZipException || e instanceof EOFException
                || cause instanceof EOFException) {
            // OkHttp wraps "closed before any response" as IOException("unexpected end of stream", EOFException)
            kind = FetchErrorKind.PROTOCOL_ERROR;
        } else if ((e instanceof SocketException && isReset(e.getMessage()))
                || String.valueOf(e.getMessage()).startsWith("stream was reset")) {
            kind = FetchErrorKind.CONNECTION_RESET;
        } else {
            kind = FetchErrorKind.IO_ERROR;
        }
        return new FetchFailure(kind, detail);
    }

    private static boolean isReset(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("reset") || m.contains("broken pipe") || m.contains("abort");
    }
}
