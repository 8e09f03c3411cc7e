package org.egovmonitor.crawler.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The robots.txt step of a fetch: each origin's robots.txt fetched once (through the fetcher, so through the same
 * guards), cached, parsed by crawler-commons, and asked whether a URL may be requested. The policy (what 4xx, 5xx and
 * an unreachable robots.txt mean, how long each is remembered, Crawl-delay) is described on {@link HttpPageFetcher}.
 */
final class RobotsRules {

    /** RFC 9309 §2.5: at least 500 KiB must be parsed; anything after may be ignored. */
    static final long MAX_BYTES = 512 * 1024;
    private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(1);

    /**
     * A cached robots.txt outcome: rules, or the network failure that stopped us getting any. {@code serverError}:
     * the rules are RFC 9309's "complete disallow" for a robots.txt answered with 5xx, not the owner's own rules.
     */
    private record RobotsEntry(BaseRobotRules rules, FetchErrorKind failure, String detail, long expiresAtNanos,
                               boolean serverError) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private final FetchSettings settings;
    private final HostGates gates;
    /** Fetches a robots.txt URL: truncated at {@link #MAX_BYTES}, never itself checked against robots.txt. */
    private final Function<URI, FetchResult> fetchRobotsTxt;
    /**
     * robots.txt outcomes by origin, each dropped when its cache lifetime is over (failures sooner, by
     * {@link RobotsEntry#fresh()}): a node meets tens of thousands of origins and must not keep them all.
     */
    private final Cache<String, RobotsEntry> robots;
    /** One lock per origin being loaded, so it is fetched once; weakly held, gone when no thread waits on it. */
    private final Cache<String, Object> robotsLocks = Caffeine.newBuilder().weakValues().build();

    RobotsRules(FetchSettings settings, HostGates gates, Function<URI, FetchResult> fetchRobotsTxt) {
        this.settings = settings;
        this.gates = gates;
        this.fetchRobotsTxt = fetchRobotsTxt;
        this.robots = Caffeine.newBuilder().expireAfterWrite(settings.robotsCacheTtl()).build();
    }

    /**
     * Refuses {@code target} when its origin's robots.txt disallows it. With {@code mayFetch} the robots.txt is
     * loaded when not cached, and an unreachable one fails the target; without it only a fresh cached entry's rules
     * are honoured.
     */
    void check(URI target, boolean mayFetch) throws FetchFailure {
        String origin = TargetUrls.origin(target);
        RobotsEntry entry = mayFetch ? robotsFor(origin) : robots.getIfPresent(origin);
        if (entry == null || (!mayFetch && (!entry.fresh() || entry.serverError()))) {
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
        FetchResult r = fetchRobotsTxt.apply(robotsUri);
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
                gates.gate(TargetUrls.host(robotsUri))
                        .crawlDelay(Math.min(rules.getCrawlDelay(), settings.maxCrawlDelayMs()));
            }
            return new RobotsEntry(rules, null, null, okUntil, false);
        }
        FetchErrorKind e = r.error();
        if ((e == FetchErrorKind.HTTP_ERROR && r.status() < 500) || e == FetchErrorKind.TOO_MANY_REDIRECTS
                || e == FetchErrorKind.REDIRECT_LOOP || (e == null)) {
            // "Unavailable" (RFC 9309 §2.3.1.3): crawl as if there were no robots.txt.
            return new RobotsEntry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null, null,
                    okUntil, false);
        }
        if (e == FetchErrorKind.HTTP_ERROR) {
            // "Unreachable" (RFC 9309 §2.3.1.4): a server error means assume complete disallow.
            return new RobotsEntry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), null,
                    origin + "/robots.txt answered HTTP " + r.status() + ": everything disallowed (RFC 9309)",
                    failedUntil, true);
        }
        // A robots.txt request that never left our politeness queue says nothing about the site: fail this fetch
        // alike, but remember nothing, so the next fetch asks again.
        return new RobotsEntry(null, e, r.errorDetail(), e == FetchErrorKind.QUEUE_TIMEOUT ? now : failedUntil,
                false);
    }
}
