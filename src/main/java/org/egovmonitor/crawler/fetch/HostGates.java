package org.egovmonitor.crawler.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The per-host politeness of a whole node: one {@link HostGate} per host, shared by every fetcher given the same
 * instance (the crawl engine, the availability probe and the portal collection), so that together they never send
 * a host more than {@code perHostConcurrency} requests at once nor start them closer than the delay. Without it each
 * fetcher would be polite on its own and a host could get a crawl, a probe and a collection at the same moment.
 *
 * <p>The same fetchers share the node's one HTTP client here: its connection pool and dispatcher. Each fetcher
 * derives its own configured client from it ({@link OkHttpClient#newBuilder()} keeps pool and dispatcher), so the
 * node holds one bounded set of idle connections and one dispatcher, not one per fetcher. OkHttp hands a pooled
 * connection only to a client with the same DNS and TLS settings, so in practice a fetcher reuses the connections it
 * opened, and each fetcher checks the peer of every connection it is handed anyway. Whoever creates the gates
 * closes them, once, when the last fetcher is done (the server at shutdown); closing a fetcher does not close gates
 * it was given.
 */
public final class HostGates implements AutoCloseable {

    /** How long an idle connection is kept for a site's next request. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    private static final Duration MIN_IDLE_GATE_LIFETIME = Duration.ofMinutes(15);

    private final int perHostConcurrency;
    private final long perHostDelayMs;
    /**
     * Gates of hosts fetched lately. A node meets tens of thousands of hosts (every site, every external link it
     * checks), so a gate is dropped after it has been idle for longer than a robots.txt is cached: by then no request
     * holds it (every fetch ends within its deadline and queue wait, far shorter) and the Crawl-delay it carried is
     * read again with the next robots.txt. Keeps the node's heap flat in the number of hosts.
     */
    private final Cache<String, HostGate> gates;
    private final OkHttpClient client;

    /** Gates with the politeness of {@code settings} (perHostConcurrency, perHostDelayMs). */
    public HostGates(FetchSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    /** Tests: idle gates expire on {@code ticker}'s time. */
    HostGates(FetchSettings settings, Ticker ticker) {
        this.perHostConcurrency = settings.perHostConcurrency();
        this.perHostDelayMs = settings.perHostDelayMs();
        this.gates = Caffeine.newBuilder().expireAfterAccess(idleGateLifetime(settings)).ticker(ticker).build();
        // idle connections: about one per host being fetched at a time, kept for a site's next request
        this.client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(Math.max(8, settings.globalConcurrency()), KEEP_ALIVE.toSeconds(),
                        TimeUnit.SECONDS))
                .build();
    }

    /** The node's shared client: fetchers derive theirs from it and never close it. */
    OkHttpClient client() {
        return client;
    }

    /** Cancels what the shared client still runs and closes its pooled connections. */
    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    HostGate gate(String host) {
        return gates.get(host.toLowerCase(Locale.ROOT), h -> new HostGate(perHostConcurrency, perHostDelayMs));
    }

    /** The longer of the robots.txt lifetime and the longest a fetch may hold or wait for a gate, at least 15 min. */
    static Duration idleGateLifetime(FetchSettings settings) {
        Duration holds = Duration.ofMillis(settings.deadlineMs() + settings.maxQueueWaitMs());
        Duration longest = settings.robotsCacheTtl().compareTo(holds) > 0 ? settings.robotsCacheTtl() : holds;
        return longest.compareTo(MIN_IDLE_GATE_LIFETIME) > 0 ? longest : MIN_IDLE_GATE_LIFETIME;
    }

    /** Gates currently kept (for tests and diagnostics). */
    long gateCount() {
        gates.cleanUp();
        return gates.estimatedSize();
    }
}
