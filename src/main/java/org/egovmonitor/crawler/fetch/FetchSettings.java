package org.egovmonitor.crawler.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.platform.CidrRange;

/**
 * Fetch and crawl settings, read from {@code crawlers/crawl.yml}. Every key is optional and documented in that file;
 * absent keys take the defaults of {@link #defaults()}. The file is validated as a whole and every problem is
 * reported with the key it concerns, so a bad file stops the application at start with one clear message.
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
 * @param linkCheckConcurrency  links checked in parallel by the link checker
 * @param maxPagesPerSite       pages fetched per site (carried for the measurer)
 * @param maxDepth              link depth from the homepage (carried for the measurer)
 * @param maxLinkChecksPerSite  distinct homepage links checked per site measurement, a sample chosen in a stable
 *                              hash order of the URLs (so rounds check nearly the same links); the rest are counted
 *                              as not checked (a page with 100,000 links must not turn into 100,000 requests)
 * @param hostOverrides         host name to IP address (optionally {@code ip:port}) used instead of DNS, like
 *                              {@code /etc/hosts}; the address is still checked against {@code allowPrivateCidrs}
 * @param maxMessagesPerSection rows of an interactive section's list read as messages; a 100,000-row list costs no
 *                              more than this many
 * @param maxMessagePagesPerSection message pages fetched per interactive section, for messages whose list does not
 *                              show their state or reply date (within {@code maxPagesPerSite})
 * @param maxQueueWaitMs        longest a fetch waits for its host's (and the global) politeness turn; the wait is
 *                              not part of {@code deadlineMs}, and outlasting it is QUEUE_TIMEOUT
 * @param allowPrivateEndpoints non-public address and port pairs that may be fetched, exactly (the demo's farm);
 *                              set in code, not in crawl.yml
 * @param ownPorts              this process's listening ports: never fetched on a local address, whatever the
 *                              allow-lists say (set by the application, filled at server start)
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
        int linkCheckConcurrency,
        int maxPagesPerSite,
        int maxDepth,
        int maxLinkChecksPerSite,
        Map<String, String> hostOverrides,
        int maxMessagesPerSection,
        int maxMessagePagesPerSection,
        long maxQueueWaitMs,
        List<InetSocketAddress> allowPrivateEndpoints,
        OwnPorts ownPorts) {

    public static final String DEFAULT_USER_AGENT = "egov-monitor/0.1 (+https://github.com/egov-monitor)";
    public static final String DEFAULT_ROBOTS_AGENT = "egov-monitor";

    private static final Pattern ROBOTS_AGENT = Pattern.compile("[a-z0-9_-]+");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Set<String> KEYS = Set.of(
            "userAgent", "robotsAgent", "connectTimeoutMs", "readTimeoutMs", "deadlineMs", "maxBodyBytes",
            "maxDecompressionRatio", "maxRedirects", "perHostConcurrency", "perHostDelayMs", "maxCrawlDelayMs",
            "globalConcurrency", "robotsCacheTtl", "allowPrivateCidrs", "proxyHost", "proxyPort",
            "linkCheckConcurrency", "maxPagesPerSite", "maxDepth", "maxLinkChecksPerSite", "hostOverrides",
            "maxMessagesPerSection", "maxMessagePagesPerSection", "maxQueueWaitMs");

    /** Default of {@link #maxLinkChecksPerSite()}. */
    public static final int DEFAULT_MAX_LINK_CHECKS_PER_SITE = 300;

    /** Default of {@link #maxMessagesPerSection()}. */
    public static final int DEFAULT_MAX_MESSAGES_PER_SECTION = 200;

    /** Default of {@link #maxMessagePagesPerSection()}. */
    public static final int DEFAULT_MAX_MESSAGE_PAGES_PER_SECTION = 10;

    /**
     * Default of {@link #maxQueueWaitMs()}: ten minutes, enough for a county host carrying fifty township sites at the
     * shipped per-host delay, short enough that a stuck host cannot hold a crawl worker for a whole round.
     */
    public static final long DEFAULT_MAX_QUEUE_WAIT_MS = 600_000;

    public FetchSettings {
        allowPrivateCidrs = List.copyOf(allowPrivateCidrs);
        allowPrivateEndpoints = allowPrivateEndpoints == null ? List.of() : List.copyOf(allowPrivateEndpoints);
        ownPorts = ownPorts == null ? OwnPorts.none() : ownPorts;
        hostOverrides = hostOverrides == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hostOverrides));
        List<String> problems = validate(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs,
                maxBodyBytes, maxDecompressionRatio, maxRedirects, perHostConcurrency, perHostDelayMs,
                maxCrawlDelayMs, globalConcurrency, robotsCacheTtl, proxyHost, proxyPort, linkCheckConcurrency,
                maxPagesPerSite, maxDepth);
        if (maxLinkChecksPerSite < 0) {
            problems.add("maxLinkChecksPerSite must be 0 or more");
        }
        if (maxMessagesPerSection < 0) {
            problems.add("maxMessagesPerSection must be 0 or more");
        }
        if (maxMessagePagesPerSection < 0) {
            problems.add("maxMessagePagesPerSection must be 0 or more");
        }
        if (maxQueueWaitMs <= 0) {
            problems.add("maxQueueWaitMs must be positive");
        }
        problems.addAll(HostOverrides.problems(hostOverrides));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid fetch settings: " + String.join("; ", problems));
        }
    }

    /** Without endpoints or own ports: the signature before the fetch guard knew ports, kept for callers. */
    public FetchSettings(String userAgent, String robotsAgent, int connectTimeoutMs, int readTimeoutMs,
                         long deadlineMs, long maxBodyBytes, int maxDecompressionRatio, int maxRedirects,
                         int perHostConcurrency, long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                         Duration robotsCacheTtl, List<CidrRange> allowPrivateCidrs, String proxyHost,
                         Integer proxyPort, int linkCheckConcurrency, int maxPagesPerSite, int maxDepth,
                         int maxLinkChecksPerSite, Map<String, String> hostOverrides, int maxMessagesPerSection,
                         int maxMessagePagesPerSection, long maxQueueWaitMs) {
        this(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes, maxDecompressionRatio,
                maxRedirects, perHostConcurrency, perHostDelayMs, maxCrawlDelayMs, globalConcurrency, robotsCacheTtl,
                allowPrivateCidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                maxLinkChecksPerSite, hostOverrides, maxMessagesPerSection, maxMessagePagesPerSection, maxQueueWaitMs,
                List.of(), OwnPorts.none());
    }

    /** Without {@code maxQueueWaitMs} (the default applies): the signature before queue waits, kept for callers. */
    public FetchSettings(String userAgent, String robotsAgent, int connectTimeoutMs, int readTimeoutMs,
                         long deadlineMs, long maxBodyBytes, int maxDecompressionRatio, int maxRedirects,
                         int perHostConcurrency, long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                         Duration robotsCacheTtl, List<CidrRange> allowPrivateCidrs, String proxyHost,
                         Integer proxyPort, int linkCheckConcurrency, int maxPagesPerSite, int maxDepth,
                         int maxLinkChecksPerSite, Map<String, String> hostOverrides, int maxMessagesPerSection,
                         int maxMessagePagesPerSection) {
        this(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes, maxDecompressionRatio,
                maxRedirects, perHostConcurrency, perHostDelayMs, maxCrawlDelayMs, globalConcurrency, robotsCacheTtl,
                allowPrivateCidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                maxLinkChecksPerSite, hostOverrides, maxMessagesPerSection, maxMessagePagesPerSection,
                DEFAULT_MAX_QUEUE_WAIT_MS);
    }

    /** Without the message limits (defaults): the signature before messages were read, kept for callers. */
    public FetchSettings(String userAgent, String robotsAgent, int connectTimeoutMs, int readTimeoutMs,
                         long deadlineMs, long maxBodyBytes, int maxDecompressionRatio, int maxRedirects,
                         int perHostConcurrency, long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                         Duration robotsCacheTtl, List<CidrRange> allowPrivateCidrs, String proxyHost,
                         Integer proxyPort, int linkCheckConcurrency, int maxPagesPerSite, int maxDepth,
                         int maxLinkChecksPerSite, Map<String, String> hostOverrides) {
        this(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes, maxDecompressionRatio,
                maxRedirects, perHostConcurrency, perHostDelayMs, maxCrawlDelayMs, globalConcurrency, robotsCacheTtl,
                allowPrivateCidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                maxLinkChecksPerSite, hostOverrides, DEFAULT_MAX_MESSAGES_PER_SECTION,
                DEFAULT_MAX_MESSAGE_PAGES_PER_SECTION);
    }

    /** Without {@code hostOverrides} (none): the signature before host overrides, kept for callers. */
    public FetchSettings(String userAgent, String robotsAgent, int connectTimeoutMs, int readTimeoutMs,
                         long deadlineMs, long maxBodyBytes, int maxDecompressionRatio, int maxRedirects,
                         int perHostConcurrency, long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                         Duration robotsCacheTtl, List<CidrRange> allowPrivateCidrs, String proxyHost,
                         Integer proxyPort, int linkCheckConcurrency, int maxPagesPerSite, int maxDepth,
                         int maxLinkChecksPerSite) {
        this(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes, maxDecompressionRatio,
                maxRedirects, perHostConcurrency, perHostDelayMs, maxCrawlDelayMs, globalConcurrency, robotsCacheTtl,
                allowPrivateCidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                maxLinkChecksPerSite, Map.of());
    }

    /** Without {@code maxLinkChecksPerSite} (the default applies): the original signature, kept for callers. */
    public FetchSettings(String userAgent, String robotsAgent, int connectTimeoutMs, int readTimeoutMs,
                         long deadlineMs, long maxBodyBytes, int maxDecompressionRatio, int maxRedirects,
                         int perHostConcurrency, long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                         Duration robotsCacheTtl, List<CidrRange> allowPrivateCidrs, String proxyHost,
                         Integer proxyPort, int linkCheckConcurrency, int maxPagesPerSite, int maxDepth) {
        this(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes, maxDecompressionRatio,
                maxRedirects, perHostConcurrency, perHostDelayMs, maxCrawlDelayMs, globalConcurrency, robotsCacheTtl,
                allowPrivateCidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                DEFAULT_MAX_LINK_CHECKS_PER_SITE);
    }

    /** These settings with more private ranges allowed (the {@code measure --allow-private} option). */
    public FetchSettings withAllowedPrivate(List<CidrRange> more) {
        List<CidrRange> all = new ArrayList<>(allowPrivateCidrs);
        more.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return with(all, perHostDelayMs, maxQueueWaitMs, hostOverrides, allowPrivateEndpoints, ownPorts);
    }

    /** These settings with more host overrides (entries given here win over the file's). */
    public FetchSettings withHostOverrides(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(hostOverrides);
        all.putAll(more);
        return with(allowPrivateCidrs, perHostDelayMs, maxQueueWaitMs, all, allowPrivateEndpoints, ownPorts);
    }

    /** These settings with another minimum delay between two requests to one host. */
    public FetchSettings withPerHostDelayMs(long delayMs) {
        return with(allowPrivateCidrs, delayMs, maxQueueWaitMs, hostOverrides, allowPrivateEndpoints, ownPorts);
    }

    /** These settings with another bound on the wait for a host's politeness turn. */
    public FetchSettings withMaxQueueWaitMs(long queueWaitMs) {
        return with(allowPrivateCidrs, perHostDelayMs, queueWaitMs, hostOverrides, allowPrivateEndpoints, ownPorts);
    }

    /** These settings with exactly these non-public address:port pairs allowed as well (the demo's farm). */
    public FetchSettings withAllowedPrivateEndpoints(List<InetSocketAddress> more) {
        List<InetSocketAddress> all = new ArrayList<>(allowPrivateEndpoints);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return with(allowPrivateCidrs, perHostDelayMs, maxQueueWaitMs, hostOverrides, all, ownPorts);
    }

    /** These settings guarding this process's own listening ports (a live set, filled at server start). */
    public FetchSettings withOwnPorts(OwnPorts ports) {
        return with(allowPrivateCidrs, perHostDelayMs, maxQueueWaitMs, hostOverrides, allowPrivateEndpoints, ports);
    }

    /** A copy differing in the settings the {@code with…} methods change (the others are fixed by the file). */
    private FetchSettings with(List<CidrRange> cidrs, long delayMs, long queueWaitMs, Map<String, String> overrides,
                               List<InetSocketAddress> endpoints, OwnPorts ports) {
        return new FetchSettings(userAgent, robotsAgent, connectTimeoutMs, readTimeoutMs, deadlineMs, maxBodyBytes,
                maxDecompressionRatio, maxRedirects, perHostConcurrency, delayMs, maxCrawlDelayMs, globalConcurrency,
                robotsCacheTtl, cidrs, proxyHost, proxyPort, linkCheckConcurrency, maxPagesPerSite, maxDepth,
                maxLinkChecksPerSite, overrides, maxMessagesPerSection, maxMessagePagesPerSection, queueWaitMs,
                endpoints, ports);
    }

    /** The parsed {@link #hostOverrides()}. */
    public HostOverrides overrides() {
        return HostOverrides.parse(hostOverrides);
    }

    /** The production defaults (the values written in {@code crawlers/crawl.yml}). */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, DEFAULT_ROBOTS_AGENT, 5000, 10000, 15000, 5L * 1024 * 1024,
                100, 5, 2, 250, 10000, 64, Duration.ofHours(1), List.of(), null, null, 8, 60, 2);
    }

    /** Reads a settings file; {@code source} in messages is the file name. */
    public static FetchSettings load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses settings from YAML text (tests pass small snippets such as {@code "deadlineMs: 2000"}). */
    public static FetchSettings parse(String yaml) {
        return parse(yaml, "fetch settings");
    }

    /** Parses settings from YAML text; {@code source} names it in error messages (a file name). */
    public static FetchSettings parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        FetchSettings d = defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return d;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": the top level must be a mapping of keys to values");
        }
        Reader r = new Reader(root);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                r.problems.add("unknown key '" + name + "'");
            }
        }
        String userAgent = r.string("userAgent", d.userAgent());
        String robotsAgent = r.string("robotsAgent", d.robotsAgent());
        int connect = (int) r.integer("connectTimeoutMs", d.connectTimeoutMs(), 1, Integer.MAX_VALUE);
        int read = (int) r.integer("readTimeoutMs", d.readTimeoutMs(), 1, Integer.MAX_VALUE);
        long deadline = r.integer("deadlineMs", d.deadlineMs(), 1, Long.MAX_VALUE);
        long maxBody = r.integer("maxBodyBytes", d.maxBodyBytes(), 1, Integer.MAX_VALUE - 16);
        int ratio = (int) r.integer("maxDecompressionRatio", d.maxDecompressionRatio(), 1, Integer.MAX_VALUE);
        int redirects = (int) r.integer("maxRedirects", d.maxRedirects(), 0, 50);
        int perHost = (int) r.integer("perHostConcurrency", d.perHostConcurrency(), 1, 1000);
        long delay = r.integer("perHostDelayMs", d.perHostDelayMs(), 0, Long.MAX_VALUE);
        long maxCrawlDelay = r.integer("maxCrawlDelayMs", d.maxCrawlDelayMs(), 0, Long.MAX_VALUE);
        int global = (int) r.integer("globalConcurrency", d.globalConcurrency(), 1, 100_000);
        Duration ttl = r.duration("robotsCacheTtl", d.robotsCacheTtl());
        List<CidrRange> cidrs = r.cidrs("allowPrivateCidrs");
        String proxyHost = r.string("proxyHost", null);
        long proxyPort = r.integer("proxyPort", -1, 1, 65535);
        int linkCheck = (int) r.integer("linkCheckConcurrency", d.linkCheckConcurrency(), 1, 1000);
        int maxPages = (int) r.integer("maxPagesPerSite", d.maxPagesPerSite(), 1, Integer.MAX_VALUE);
        int maxDepth = (int) r.integer("maxDepth", d.maxDepth(), 0, 100);
        int maxLinkChecks = (int) r.integer("maxLinkChecksPerSite", d.maxLinkChecksPerSite(), 0, 1_000_000);
        Map<String, String> hostOverrides = r.stringMap("hostOverrides");
        int maxMessages = (int) r.integer("maxMessagesPerSection", d.maxMessagesPerSection(), 0, 100_000);
        int maxMessagePages = (int) r.integer("maxMessagePagesPerSection", d.maxMessagePagesPerSection(), 0, 10_000);
        long maxQueueWait = r.integer("maxQueueWaitMs", d.maxQueueWaitMs(), 1, Long.MAX_VALUE / 2_000_000);
        if (!r.problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", r.problems));
        }
        try {
            return new FetchSettings(userAgent, robotsAgent, connect, read, deadline, maxBody, ratio, redirects,
                    perHost, delay, maxCrawlDelay, global, ttl, cidrs, proxyHost,
                    proxyPort < 0 ? null : (int) proxyPort, linkCheck, maxPages, maxDepth, maxLinkChecks,
                    hostOverrides, maxMessages, maxMessagePages, maxQueueWait);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> validate(String userAgent, String robotsAgent, int connectTimeoutMs,
                                         int readTimeoutMs, long deadlineMs, long maxBodyBytes,
                                         int maxDecompressionRatio, int maxRedirects, int perHostConcurrency,
                                         long perHostDelayMs, long maxCrawlDelayMs, int globalConcurrency,
                                         Duration robotsCacheTtl, String proxyHost, Integer proxyPort,
                                         int linkCheckConcurrency, int maxPagesPerSite, int maxDepth) {
        List<String> p = new ArrayList<>();
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            p.add("userAgent must be non-blank printable ASCII (it is sent as an HTTP header)");
        }
        if (robotsAgent == null || !ROBOTS_AGENT.matcher(robotsAgent).matches()) {
            p.add("robotsAgent must be lower case letters, digits, '-' or '_' (RFC 9309 product token)");
        }
        positive(p, "connectTimeoutMs", connectTimeoutMs);
        positive(p, "readTimeoutMs", readTimeoutMs);
        positive(p, "deadlineMs", deadlineMs);
        positive(p, "maxBodyBytes", maxBodyBytes);
        positive(p, "maxDecompressionRatio", maxDecompressionRatio);
        if (maxRedirects < 0) {
            p.add("maxRedirects must be 0 or more");
        }
        positive(p, "perHostConcurrency", perHostConcurrency);
        if (perHostDelayMs < 0) {
            p.add("perHostDelayMs must be 0 or more");
        }
        if (maxCrawlDelayMs < 0) {
            p.add("maxCrawlDelayMs must be 0 or more");
        }
        positive(p, "globalConcurrency", globalConcurrency);
        if (robotsCacheTtl == null || robotsCacheTtl.isNegative()) {
            p.add("robotsCacheTtl must be a duration of 0 or more");
        }
        if ((proxyHost == null) != (proxyPort == null)) {
            p.add("proxyHost and proxyPort must be given together (or both left out)");
        }
        if (proxyHost != null && proxyHost.isBlank()) {
            p.add("proxyHost must not be blank");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            p.add("proxyPort must be between 1 and 65535");
        }
        positive(p, "linkCheckConcurrency", linkCheckConcurrency);
        positive(p, "maxPagesPerSite", maxPagesPerSite);
        if (maxDepth < 0) {
            p.add("maxDepth must be 0 or more");
        }
        return p;
    }

    private static void positive(List<String> problems, String key, long value) {
        if (value <= 0) {
            problems.add(key + " must be greater than 0, got " + value);
        }
    }

    /** Parses {@code PT1H}, {@code 1h}, {@code 30m}, {@code 90s}, {@code 500ms}, {@code 2d}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    }

    /** Reads typed values from the YAML tree, collecting one message per bad key instead of stopping at the first. */
    private static final class Reader {
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        private JsonNode node(String key) {
            JsonNode n = root.get(key);
            return n == null || n.isNull() ? null : n;
        }

        String string(String key, String fallback) {
            JsonNode n = node(key);
            if (n == null) {
                return fallback;
            }
            if (!n.isValueNode()) {
                problems.add(key + " must be a single text value");
                return fallback;
            }
            return n.asText();
        }

        long integer(String key, long fallback, long min, long max) {
            JsonNode n = node(key);
            if (n == null) {
                return fallback;
            }
            if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                problems.add(key + " must be a whole number, got '" + n.asText() + "'");
                return fallback;
            }
            long v = n.asLong();
            if (v < min || v > max) {
                problems.add(key + " must be between " + min + " and " + max + ", got " + v);
                return fallback;
            }
            return v;
        }

        Duration duration(String key, Duration fallback) {
            JsonNode n = node(key);
            if (n == null) {
                return fallback;
            }
            try {
                return parseDuration(n.asText());
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add(key + " must be a duration such as 1h, 30m, 90s or PT1H, got '" + n.asText() + "'");
                return fallback;
            }
        }

        Map<String, String> stringMap(String key) {
            JsonNode n = node(key);
            if (n == null) {
                return Map.of();
            }
            if (!n.isObject()) {
                problems.add(key + " must be a mapping of host names to addresses such as {www.example.gov.cn: "
                        + "10.1.2.3}");
                return Map.of();
            }
            Map<String, String> out = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    problems.add(key + ": " + e.getKey() + " must map to one address");
                } else {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
            return out;
        }

        List<CidrRange> cidrs(String key) {
            JsonNode n = node(key);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                problems.add(key + " must be a list of CIDR ranges such as [127.0.0.0/8]");
                return List.of();
            }
            Set<CidrRange> out = new LinkedHashSet<>();
            for (JsonNode item : n) {
                try {
                    out.add(CidrRange.parse(item.asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
            return List.copyOf(out);
        }
    }
}
