package org.egovmonitor.crawler.fetch;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.platform.RuleProblems;

/**
 * How one HTTP fetch behaves: identity, timeouts, size caps, redirects, politeness and the SSRF guard. Read from
 * {@code crawlers/crawl.yml} together with the crawl limits (see {@code CrawlSettings}); every key is documented in
 * that file. Invalid values fail with an {@code InvalidRulesException} naming each key, which the file's reader
 * reports with its line.
 *
 * @param userAgent             User-Agent header sent with every request
 * @param robotsAgent           lower-case product token matched against robots.txt groups
 * @param connectTimeoutMs      TCP connect timeout per address
 * @param readTimeoutMs         longest silence between two reads
 * @param deadlineMs            wall-clock budget of one whole fetch (all hops, body included)
 * @param maxBodyBytes          largest body kept, after decompression
 * @param maxDecompressionRatio decoded/wire size ratio above which a compressed body is a bomb
 * @param maxRedirects          redirect hops followed
 * @param perHostConcurrency    simultaneous requests to one host
 * @param perHostDelayMs        minimum time between request starts to one host
 * @param maxCrawlDelayMs       cap on a robots.txt Crawl-delay
 * @param globalConcurrency     simultaneous requests in total (also the idle keep-alive connections pooled)
 * @param robotsCacheTtl        how long a host's robots.txt is reused
 * @param allowPrivateCidrs     non-public ranges that may nevertheless be fetched
 * @param proxyHost             HTTP proxy host, or null
 * @param proxyPort             HTTP proxy port, or null
 * @param hostOverrides         host name to IP address (optionally {@code ip:port}) used instead of DNS, like
 *                              {@code /etc/hosts}; the address is still checked against {@code allowPrivateCidrs}
 * @param maxQueueWaitMs        longest a fetch waits for its host's (and the global) politeness turn; the wait is
 *                              not part of {@code deadlineMs}, and outlasting it is QUEUE_TIMEOUT
 * @param allowPrivateEndpoints non-public address and port pairs that may be fetched, exactly (the demo's farm);
 *                              set in code, not in crawl.yml
 * @param ownPorts              this process's listening ports: never fetched on a local address, whatever the
 *                              allow-lists say (set by the application, filled at server start)
 * @param trustedAuthorities    certificate authorities trusted besides the platform's (the demo farm's own, made at
 *                              start); set in code, not in crawl.yml
 */
public record FetchSettings(
        String userAgent,
        String robotsAgent,
        int connectTimeoutMs,
        int readTimeoutMs,
        long deadlineMs,
        long maxBodyBytes,
        int maxDecompressionRatio,
        int maxRedirects,
        int perHostConcurrency,
        long perHostDelayMs,
        long maxCrawlDelayMs,
        int globalConcurrency,
        Duration robotsCacheTtl,
        List<CidrRange> allowPrivateCidrs,
        String proxyHost,
        Integer proxyPort,
        Map<String, String> hostOverrides,
        long maxQueueWaitMs,
        List<InetSocketAddress> allowPrivateEndpoints,
        OwnPorts ownPorts,
        List<X509Certificate> trustedAuthorities) {

    public static final String DEFAULT_USER_AGENT = "egov-monitor/0.1 (+https://github.com/egov-monitor)";
    public static final String DEFAULT_ROBOTS_AGENT = "egov-monitor";

    /**
     * Default of {@link #maxQueueWaitMs()}: ten minutes, enough for a county host carrying fifty township sites at the
     * shipped per-host delay, short enough that a stuck host cannot hold a crawl worker for a whole round.
     */
    public static final long DEFAULT_MAX_QUEUE_WAIT_MS = 600_000;

    private static final Pattern ROBOTS_AGENT = Pattern.compile("[a-z0-9_-]+");

    public FetchSettings {
        allowPrivateCidrs = allowPrivateCidrs == null ? List.of() : List.copyOf(allowPrivateCidrs);
        allowPrivateEndpoints = allowPrivateEndpoints == null ? List.of() : List.copyOf(allowPrivateEndpoints);
        ownPorts = ownPorts == null ? OwnPorts.none() : ownPorts;
        trustedAuthorities = trustedAuthorities == null ? List.of() : List.copyOf(trustedAuthorities);
        hostOverrides = hostOverrides == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hostOverrides));
        RuleProblems problems = new RuleProblems();
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            problems.add("userAgent", "必须是非空的可打印 ASCII 文本（它作为 HTTP 请求头发送）");
        }
        if (robotsAgent == null || !ROBOTS_AGENT.matcher(robotsAgent).matches()) {
            problems.add("robotsAgent", "只能由小写字母、数字、- 或 _ 组成（RFC 9309 的产品标识），实为 " + robotsAgent);
        }
        positive(problems, "connectTimeoutMs", connectTimeoutMs);
        positive(problems, "readTimeoutMs", readTimeoutMs);
        positive(problems, "deadlineMs", deadlineMs);
        positive(problems, "maxBodyBytes", maxBodyBytes);
        positive(problems, "maxDecompressionRatio", maxDecompressionRatio);
        notNegative(problems, "maxRedirects", maxRedirects);
        positive(problems, "perHostConcurrency", perHostConcurrency);
        notNegative(problems, "perHostDelayMs", perHostDelayMs);
        notNegative(problems, "maxCrawlDelayMs", maxCrawlDelayMs);
        positive(problems, "globalConcurrency", globalConcurrency);
        if (robotsCacheTtl == null || robotsCacheTtl.isNegative()) {
            problems.add("robotsCacheTtl", "必须是 0 或更长的时长");
        }
        if ((proxyHost == null) != (proxyPort == null)) {
            problems.add(proxyHost == null ? "proxyPort" : "proxyHost", "proxyHost 和 proxyPort 必须同时给出（或都不给）");
        }
        if (proxyHost != null && proxyHost.isBlank()) {
            problems.add("proxyHost", "不能为空白");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            problems.add("proxyPort", "必须在 1 到 65535 之间，实为 " + proxyPort);
        }
        positive(problems, "maxQueueWaitMs", maxQueueWaitMs);
        HostOverrides.problems(hostOverrides, problems);
        problems.throwIfAny();
    }

    private static void positive(RuleProblems problems, String key, long value) {
        if (value <= 0) {
            problems.add(key, "必须大于 0，实为 " + value);
        }
    }

    private static void notNegative(RuleProblems problems, String key, long value) {
        if (value < 0) {
            problems.add(key, "必须是 0 或更大，实为 " + value);
        }
    }

    /** The production defaults (the values written in {@code crawlers/crawl.yml}). */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, DEFAULT_ROBOTS_AGENT, 5000, 10000, 15000, 5L * 1024 * 1024,
                100, 5, 2, 250, 10000, 64, Duration.ofHours(1), List.of(), null, null, Map.of(),
                DEFAULT_MAX_QUEUE_WAIT_MS, List.of(), OwnPorts.none(), List.of());
    }

    /** These settings with more private ranges allowed (the {@code measure --allow-private} option). */
    public FetchSettings withAllowedPrivate(List<CidrRange> more) {
        List<CidrRange> all = new ArrayList<>(allowPrivateCidrs);
        more.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new Changed(this).cidrs(all).build();
    }

    /** These settings with more host overrides (entries given here win over the file's). */
    public FetchSettings withHostOverrides(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(hostOverrides);
        all.putAll(more);
        return new Changed(this).overrides(all).build();
    }

    /** These settings with another minimum delay between two requests to one host. */
    public FetchSettings withPerHostDelayMs(long delayMs) {
        return new Changed(this).delayMs(delayMs).build();
    }

    /** These settings with another bound on the wait for a host's politeness turn. */
    public FetchSettings withMaxQueueWaitMs(long queueWaitMs) {
        return new Changed(this).queueWaitMs(queueWaitMs).build();
    }

    /** These settings with exactly these non-public address:port pairs allowed as well (the demo's farm). */
    public FetchSettings withAllowedPrivateEndpoints(List<InetSocketAddress> more) {
        List<InetSocketAddress> all = new ArrayList<>(allowPrivateEndpoints);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new Changed(this).endpoints(all).build();
    }

    /** These settings trusting these certificate authorities as well (the demo farm's). */
    public FetchSettings withTrustedAuthorities(List<X509Certificate> more) {
        List<X509Certificate> all = new ArrayList<>(trustedAuthorities);
        more.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new Changed(this).authorities(all).build();
    }

    /** These settings guarding this process's own listening ports (a live set, filled at server start). */
    public FetchSettings withOwnPorts(OwnPorts ports) {
        return new Changed(this).ports(ports).build();
    }

    /** These settings with another global limit (a node sizes it with its crawl workers). */
    public FetchSettings withGlobalConcurrency(int global) {
        return new Changed(this).global(global).build();
    }

    /** These settings with another whole-fetch deadline, the connect and read timeouts capped by it. */
    public FetchSettings withDeadline(long deadline) {
        return new Changed(this).deadline(deadline).build();
    }

    /** The parsed {@link #hostOverrides()}. */
    public HostOverrides overrides() {
        return HostOverrides.parse(hostOverrides);
    }

    /** A copy differing in the settings the {@code with…} methods change (the others are fixed by the file). */
    private static final class Changed {
        private final FetchSettings s;
        private List<CidrRange> cidrs;
        private long delayMs;
        private long queueWaitMs;
        private Map<String, String> overrides;
        private List<InetSocketAddress> endpoints;
        private OwnPorts ports;
        private List<X509Certificate> authorities;
        private int global;
        private int connect;
        private int read;
        private long deadline;

        Changed(FetchSettings s) {
            this.s = s;
            cidrs = s.allowPrivateCidrs;
            delayMs = s.perHostDelayMs;
            queueWaitMs = s.maxQueueWaitMs;
            overrides = s.hostOverrides;
            endpoints = s.allowPrivateEndpoints;
            ports = s.ownPorts;
            authorities = s.trustedAuthorities;
            global = s.globalConcurrency;
            connect = s.connectTimeoutMs;
            read = s.readTimeoutMs;
            deadline = s.deadlineMs;
        }

        Changed cidrs(List<CidrRange> v) {
            cidrs = v;
            return this;
        }

        Changed delayMs(long v) {
            delayMs = v;
            return this;
        }

        Changed queueWaitMs(long v) {
            queueWaitMs = v;
            return this;
        }

        Changed overrides(Map<String, String> v) {
            overrides = v;
            return this;
        }

        Changed endpoints(List<InetSocketAddress> v) {
            endpoints = v;
            return this;
        }

        Changed ports(OwnPorts v) {
            ports = v;
            return this;
        }

        Changed authorities(List<X509Certificate> v) {
            authorities = v;
            return this;
        }

        Changed global(int v) {
            global = v;
            return this;
        }

        Changed deadline(long v) {
            deadline = v;
            connect = (int) Math.min(connect, v);
            read = (int) Math.min(read, v);
            return this;
        }

        FetchSettings build() {
            return new FetchSettings(s.userAgent, s.robotsAgent, connect, read, deadline, s.maxBodyBytes,
                    s.maxDecompressionRatio, s.maxRedirects, s.perHostConcurrency, delayMs, s.maxCrawlDelayMs, global,
                    s.robotsCacheTtl, cidrs, s.proxyHost, s.proxyPort, overrides, queueWaitMs, endpoints, ports,
                    authorities);
        }
    }
}
