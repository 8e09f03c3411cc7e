package org.egovmonitor.crawler.fetch;

import org.egovmonitor.core.DaemonThreads;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.ConnectException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The defensive {@link PageFetcher}: a small HTTP/1.1 client over plain sockets (TLS through the JDK's default
 * {@link SSLSocketFactory} and trust store, hostname verification on).
 *
 * <h2>Why a socket client and not {@code java.net.http.HttpClient} or {@code HttpURLConnection}</h2>
 * <ul>
 *   <li><b>SSRF without a rebinding window.</b> The host is resolved once by the {@link AddressGuard}, every
 *       address checked, and the socket connects to exactly the checked address. Both JDK clients resolve the
 *       name again themselves, so a DNS answer could change between our check and their connect.</li>
 *   <li><b>Deadline and caps at the byte level.</b> Every read goes through {@link DeadlineInputStream}, the body
 *       is framed (chunked / Content-Length / close) and decoded (gzip / deflate) by this class, so size and
 *       decompression-ratio limits apply to real bytes, and nothing is allocated from a Content-Length.</li>
 *   <li><b>No hidden threads or pools.</b> On Java 17 {@code HttpClient} cannot be closed and keeps its selector
 *       thread until garbage collected; {@code HttpURLConnection} keeps a keep-alive cache and may silently retry.
 *       Here one request uses one connection ({@code Connection: close}), and {@link #close()} stops the only two
 *       helper pools this class owns.</li>
 * </ul>
 *
 * <h2>How the wall-clock deadline is enforced</h2>
 * Each fetch gets a {@link Deadline} of {@code deadlineMs} covering DNS, connect, TLS, request, headers, body and
 * every redirect hop. Waiting for the host's politeness turn (and a global slot) is not part of it: the deadline is
 * paused while queueing, and the queue wait has its own bound, {@code maxQueueWaitMs}, whose expiry is QUEUE_TIMEOUT.
 * Many sites share one host, and the fiftieth township site in a county host's queue is not slow for that. Two
 * independent mechanisms enforce the deadline:
 * <ol>
 *   <li>the read loop: before each socket read the socket timeout is set to {@code min(readTimeoutMs, time left)},
 *       and no read starts once the deadline has passed, so a server dripping a byte a second is cut off at the
 *       deadline; DNS runs on a helper thread awaited for the time left; connect uses {@code min(connectTimeoutMs,
 *       time left)};</li>
 *   <li>a watchdog: a single scheduler thread closes the socket at the deadline, which unblocks anything the read
 *       loop cannot reach (a TLS handshake fed slowly, a blocked write).</li>
 * </ol>
 * robots.txt is fetched under its own deadline of the same length, before the page's deadline starts.
 *
 * <h2>robots.txt</h2>
 * Fetched once per origin through the same guards, cached for {@code robotsCacheTtl}; 4xx (and a redirect chain
 * that goes nowhere) means allow all, 5xx means disallow all (RFC 9309 §2.3.1), and an unreachable robots.txt
 * means the page is not requested either: the page result carries the network error kind (CONNECT_REFUSED, ...)
 * with a "robots.txt:" detail, which says more than ROBOTS_DISALLOWED would. Failures are remembered for at most a
 * minute. A Crawl-delay (capped by {@code maxCrawlDelayMs}) raises the host's delay between requests.
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
     * Small on purpose: the ratio guard compares decoded bytes with the compressed bytes the inflater has pulled,
     * and a large read-ahead would make a bomb look less extreme than it is.
     */
    private static final int INFLATE_BUFFER = 2048;
    private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private static final String ACCEPT_ROBOTS = "text/plain,*/*;q=0.8";

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

    /** One request/response on one connection. */
    private record Hop(int status, String location, String contentType, byte[] body, long bytes) {
    }

    /** A cached robots.txt outcome: rules, or the network failure that stopped us getting any. */
    private record RobotsEntry(BaseRobotRules rules, FetchErrorKind failure, String detail, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final HostOverrides overrides;
    private final Semaphore global;
    private final HostGates gates;
    private final Map<String, RobotsEntry> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor watchdog;
    private final ExecutorService resolver;
    private final AtomicBoolean closed = new AtomicBoolean();

    public HttpPageFetcher(FetchSettings settings) {
        this(settings, AddressGuard.SYSTEM_RESOLVER);
    }

    /** A fetcher whose per-host politeness is shared with the other fetchers given the same gates. */
    public HttpPageFetcher(FetchSettings settings, HostGates gates) {
        this(settings, AddressGuard.SYSTEM_RESOLVER, gates);
    }

    /** With a custom resolver: tests use it to simulate hostile DNS answers. */
    public HttpPageFetcher(FetchSettings settings, AddressGuard.HostResolver hostResolver) {
        this(settings, hostResolver, new HostGates(settings));
    }

    private HttpPageFetcher(FetchSettings settings, AddressGuard.HostResolver hostResolver, HostGates gates) {
        this.settings = settings;
        this.gates = gates;
        this.overrides = settings.overrides();
        // pinned hosts skip DNS but not the guard: their addresses are checked like any resolved address
        this.guard = new AddressGuard(settings.allowPrivateCidrs(), settings.allowPrivateEndpoints(),
                settings.ownPorts(), overrides.resolver(hostResolver));
        this.global = new Semaphore(settings.globalConcurrency(), true);
        this.watchdog = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("egov-fetch-watchdog"));
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.watchdog.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // DNS lookups cannot be interrupted; they run here so the caller can stop waiting at the deadline.
        this.resolver = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("egov-fetch-dns"));
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

    /** The delay currently applied between request starts to {@code host} (for tests and diagnostics). */
    public long hostDelayMs(String host) {
        return gate(host.toLowerCase(Locale.ROOT)).delayMs();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Socket s : openSockets) {
            closeQuietly(s);
        }
        watchdog.shutdownNow();
        resolver.shutdownNow();
        try {
            watchdog.awaitTermination(2, TimeUnit.SECONDS);
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
        RobotsEntry entry = mayFetch ? robotsFor(origin) : robots.get(origin);
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
        RobotsEntry entry = robots.get(origin);
        if (entry != null && entry.fresh()) {
            return entry;
        }
        synchronized (robotsLocks.computeIfAbsent(origin, k -> new Object())) {
            entry = robots.get(origin);
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
                    return connectAndExchange(target, mode, deadline);
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

    private Hop connectAndExchange(URI target, Mode mode, Deadline deadline) throws FetchFailure {
        String host = host(target);
        int port = overrides.port(host, port(target));
        boolean tls = "https".equalsIgnoreCase(target.getScheme());
        boolean proxied = settings.proxyHost() != null;
        List<InetAddress> addresses = resolveGuarded(host, port, deadline);

        AtomicReference<Socket> socketRef = new AtomicReference<>();
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> abort;
        try {
            abort = watchdog.schedule(() -> {
                aborted.set(true);
                closeQuietly(socketRef.get());
            }, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
        }
        boolean connecting = true;
        try {
            Socket socket = proxied
                    ? connect(List.of(InetAddress.getByName(settings.proxyHost())), settings.proxyPort(), deadline,
                    socketRef, aborted)
                    : connect(addresses, port, deadline, socketRef, aborted);
            connecting = false;
            if (proxied && tls) {
                openTunnel(socket, host, port, deadline);
            }
            if (tls) {
                socket = startTls(socket, host, port, deadline);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request(target, mode, proxied && !tls).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(
                    new DeadlineInputStream(socket.getInputStream(), socket, deadline, settings.readTimeoutMs()),
                    8192);
            return readResponse(in, mode);
        } catch (IOException e) {
            throw classify(e, connecting, deadline, aborted.get());
        } finally {
            abort.cancel(false);
            Socket s = socketRef.get();
            if (s != null) {
                closeQuietly(s);
                openSockets.remove(s);
            }
        }
    }

    private List<InetAddress> resolveGuarded(String host, int port, Deadline deadline) throws FetchFailure {
        Future<List<InetAddress>> lookup;
        try {
            lookup = resolver.submit(() -> guard.resolve(host, port));
        } catch (RejectedExecutionException e) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
        }
        try {
            return lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
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

    /** Tries each address in turn; the socket is published to the watchdog before connecting. */
    private Socket connect(List<InetAddress> addresses, int port, Deadline deadline, AtomicReference<Socket> ref,
                           AtomicBoolean aborted) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            ref.set(socket);
            openSockets.add(socket);
            if (aborted.get() || closed.get()) {
                closeQuietly(socket);
            }
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, port), deadline.cap(settings.connectTimeoutMs()));
                return socket;
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
                openSockets.remove(socket);
                if (deadline.expired() || aborted.get()) {
                    break;
                }
            }
        }
        throw last != null ? last : new ConnectException("no address to connect to");
    }

    private void openTunnel(Socket socket, String host, int port, Deadline deadline) throws IOException,
            FetchFailure {
        String authority = hostHeader(host, port, true);
        String connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: "
                + settings.userAgent() + "\r\n\r\n";
        socket.getOutputStream().write(connect.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        // Unbuffered: the bytes after the proxy's answer belong to the TLS handshake.
        HttpWire.Head head = HttpWire.readHead(
                new DeadlineInputStream(socket.getInputStream(), socket, deadline, settings.readTimeoutMs()));
        if (head.status() / 100 != 2) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "proxy refused CONNECT with HTTP " + head.status());
        }
    }

    private Socket startTls(Socket plain, String host, int port, Deadline deadline) throws IOException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(deadline.cap(settings.readTimeoutMs()));
        ssl.startHandshake();
        return ssl;
    }

    private String request(URI target, Mode mode, boolean absoluteForm) {
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        String requestTarget = absoluteForm ? origin(target).replaceFirst(":\\d+$", "")
                + (port(target) == 80 ? "" : ":" + port(target)) + path : path;
        StringBuilder r = new StringBuilder(256);
        r.append(mode == Mode.HEAD ? "HEAD " : "GET ").append(requestTarget).append(" HTTP/1.1\r\n");
        r.append("Host: ").append(hostHeader(host(target), port(target), false)).append("\r\n");
        r.append("User-Agent: ").append(settings.userAgent()).append("\r\n");
        r.append("Accept: ").append(mode == Mode.ROBOTS ? ACCEPT_ROBOTS : ACCEPT_PAGE).append("\r\n");
        r.append("Accept-Encoding: gzip, deflate\r\n");
        r.append("Connection: close\r\n\r\n");
        return r.toString();
    }

    private static String hostHeader(String host, int port, boolean alwaysPort) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return alwaysPort || (port != 80 && port != 443) ? h + ":" + port : h;
    }

    // --------------------------------------------------------------------------------------------- response

    private Hop readResponse(InputStream in, Mode mode) throws IOException, FetchFailure {
        HttpWire.Head head = HttpWire.readHead(in);
        int status = head.status();
        String contentType = head.header("content-type");
        if (REDIRECTS.contains(status)) {
            String location = head.header("location");
            if (location == null || location.isBlank()) {
                throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "HTTP " + status + " without Location", status);
            }
            return new Hop(status, location, contentType, null, 0);
        }
        if (status >= 400) {
            throw new FetchFailure(FetchErrorKind.HTTP_ERROR, "HTTP " + status + " " + head.reason(), status);
        }
        if (mode == Mode.HEAD || mode == Mode.GET_HEADERS_ONLY) {
            return new Hop(status, null, contentType, null, 0);
        }
        if (mode == Mode.GET && clearlyNotText(contentType)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "Content-Type " + contentType, status)
                    .withContentType(contentType);
        }
        byte[] body = readBody(in, head, mode == Mode.ROBOTS ? ROBOTS_MAX_BYTES : settings.maxBodyBytes(),
                mode == Mode.ROBOTS, status);
        if (mode == Mode.GET && looksBinary(body)) {
            throw new FetchFailure(FetchErrorKind.NOT_HTML, "binary bytes in a body labelled " + contentType, status)
                    .withContentType(contentType);
        }
        return new Hop(status, null, contentType, body, body.length);
    }

    private byte[] readBody(InputStream in, HttpWire.Head head, long cap, boolean truncate, int status)
            throws IOException, FetchFailure {
        if (status == 204 || status == 304) {
            return new byte[0];
        }
        String transferEncoding = head.header("transfer-encoding");
        String encoding = contentEncoding(head, status);
        InputStream framed;
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).trim().endsWith("chunked")) {
            framed = new HttpWire.ChunkedInputStream(in);
        } else if (transferEncoding != null) {
            framed = in; // RFC 9112 §6.3: any other transfer coding means "read until close"
        } else {
            long length = contentLength(head, status);
            if (length >= 0 && encoding == null && length > cap && !truncate) {
                throw new FetchFailure(FetchErrorKind.TOO_LARGE,
                        "Content-Length " + length + " exceeds the cap of " + cap + " bytes", status);
            }
            framed = length >= 0 ? new HttpWire.FixedLengthInputStream(in, length) : in;
        }
        HttpWire.CountingInputStream wire = new HttpWire.CountingInputStream(framed);
        Inflater inflater = null;
        InputStream decoded;
        if (encoding == null) {
            decoded = wire;
        } else if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            decoded = new GZIPInputStream(wire, INFLATE_BUFFER);
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
        byte[] buf = new byte[8192];
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
            closeQuietly(decoded);
        }
        return out.toByteArray();
    }

    private static String contentEncoding(HttpWire.Head head, int status) throws FetchFailure {
        String value = head.header("content-encoding");
        if (value == null) {
            return null;
        }
        String e = value.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return null;
        }
        if (e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate")) {
            return e;
        }
        // We only offer gzip and deflate; anything else (stacked codings, br) cannot be decoded safely.
        throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "unsupported Content-Encoding " + value, status);
    }

    private static long contentLength(HttpWire.Head head, int status) throws FetchFailure {
        Set<String> values = new HashSet<>();
        for (String v : head.headers("content-length")) {
            for (String part : v.split(",")) {
                values.add(part.trim());
            }
        }
        if (values.isEmpty()) {
            return -1;
        }
        String v = values.iterator().next();
        if (values.size() > 1 || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
            throw new FetchFailure(FetchErrorKind.PROTOCOL_ERROR, "bad Content-Length", status);
        }
        return Long.parseLong(v);
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

    private static FetchFailure classify(IOException e, boolean connecting, Deadline deadline, boolean aborted) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        FetchErrorKind kind;
        if (aborted || deadline.expired() || e instanceof DeadlineInputStream.DeadlineExceededException) {
            kind = FetchErrorKind.DEADLINE_EXCEEDED;
            detail = "deadline of the fetch passed (" + detail + ")";
        } else if (e instanceof SSLException) {
            kind = FetchErrorKind.TLS_ERROR;
        } else if (e instanceof SocketTimeoutException) {
            kind = connecting ? FetchErrorKind.CONNECT_TIMEOUT : FetchErrorKind.READ_TIMEOUT;
        } else if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            kind = m.contains("timed out") ? FetchErrorKind.CONNECT_TIMEOUT : FetchErrorKind.CONNECT_REFUSED;
        } else if (e instanceof UnknownHostException) {
            kind = FetchErrorKind.DNS_FAILURE;
        } else if (e instanceof ProtocolException || e instanceof ZipException || e instanceof EOFException) {
            kind = FetchErrorKind.PROTOCOL_ERROR;
        } else if (e instanceof SocketException && isReset(e.getMessage())) {
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

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket may already be gone
        }
    }
}
