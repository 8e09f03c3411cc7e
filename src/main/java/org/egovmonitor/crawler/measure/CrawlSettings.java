package org.egovmonitor.crawler.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.platform.CidrRange;
import org.egovmonitor.platform.RuleFile;
import org.egovmonitor.platform.RuleProblems;

/**
 * The content of {@code crawlers/crawl.yml}: how each fetch behaves and how much one site measurement may do. Every
 * key is optional (an absent key takes the default of {@link #defaults()}) and documented in that file; the file is
 * read by {@link RuleFile}, so an unknown key, a wrong type or a bad value stops the app naming its line.
 *
 * @param fetch  the fetch settings
 * @param limits the crawl limits
 */
public record CrawlSettings(FetchSettings fetch, CrawlLimits limits) {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** The file's shape; field names are the YAML keys, boxed so that an absent key takes its default. */
    record File(String userAgent, String robotsAgent, Long connectTimeoutMs, Long readTimeoutMs, Long deadlineMs,
                Long maxBodyBytes, Long maxDecompressionRatio, Long maxRedirects, Long perHostConcurrency,
                Long perHostDelayMs, Long maxCrawlDelayMs, Long globalConcurrency, String robotsCacheTtl,
                List<String> allowPrivateCidrs, String proxyHost, Long proxyPort, Long linkCheckConcurrency,
                Long maxPagesPerSite, Long maxDepth, Long maxLinkChecksPerSite, Map<String, String> hostOverrides,
                Long maxMessagesPerSection, Long maxMessagePagesPerSection, Long maxQueueWaitMs) {
    }

    /** The production defaults (the values written in {@code crawlers/crawl.yml}). */
    public static CrawlSettings defaults() {
        return new CrawlSettings(FetchSettings.defaults(), CrawlLimits.defaults());
    }

    /** Reads a settings file; its path names it in messages. */
    public static CrawlSettings load(Path file) {
        return checked(RuleFile.read(file, File.class));
    }

    /** Parses settings from YAML text (tests pass small snippets such as {@code "deadlineMs: 2000"}). */
    public static CrawlSettings parse(String yaml) {
        return parse(yaml, "crawl.yml");
    }

    /** Parses settings from YAML text; {@code source} names it in error messages (a file name). */
    public static CrawlSettings parse(String yaml, String source) {
        return checked(RuleFile.parse(yaml, source, File.class));
    }

    /** These settings with other fetch settings (the demo's farm, this process's own ports …). */
    public CrawlSettings withFetch(UnaryOperator<FetchSettings> change) {
        return new CrawlSettings(change.apply(fetch), limits);
    }

    private static CrawlSettings checked(RuleFile<File> file) {
        File f = file.content();
        if (f == null) {
            return defaults();
        }
        FetchSettings d = FetchSettings.defaults();
        CrawlLimits l = CrawlLimits.defaults();
        RuleProblems p = new RuleProblems();
        Ranges r = new Ranges(p);
        int connect = (int) r.get("connectTimeoutMs", f.connectTimeoutMs(), d.connectTimeoutMs(), 1, Integer.MAX_VALUE);
        int read = (int) r.get("readTimeoutMs", f.readTimeoutMs(), d.readTimeoutMs(), 1, Integer.MAX_VALUE);
        long deadline = r.get("deadlineMs", f.deadlineMs(), d.deadlineMs(), 1, Long.MAX_VALUE);
        long maxBody = r.get("maxBodyBytes", f.maxBodyBytes(), d.maxBodyBytes(), 1, Integer.MAX_VALUE - 16);
        int ratio = (int) r.get("maxDecompressionRatio", f.maxDecompressionRatio(), d.maxDecompressionRatio(), 1,
                Integer.MAX_VALUE);
        int redirects = (int) r.get("maxRedirects", f.maxRedirects(), d.maxRedirects(), 0, 50);
        int perHost = (int) r.get("perHostConcurrency", f.perHostConcurrency(), d.perHostConcurrency(), 1, 1000);
        long delay = r.get("perHostDelayMs", f.perHostDelayMs(), d.perHostDelayMs(), 0, Long.MAX_VALUE);
        long maxCrawlDelay = r.get("maxCrawlDelayMs", f.maxCrawlDelayMs(), d.maxCrawlDelayMs(), 0, Long.MAX_VALUE);
        int global = (int) r.get("globalConcurrency", f.globalConcurrency(), d.globalConcurrency(), 1, 100_000);
        long proxyPort = r.get("proxyPort", f.proxyPort(), -1, 1, 65535);
        long maxQueueWait = r.get("maxQueueWaitMs", f.maxQueueWaitMs(), d.maxQueueWaitMs(), 1,
                Long.MAX_VALUE / 2_000_000);
        int linkCheck = (int) r.get("linkCheckConcurrency", f.linkCheckConcurrency(), l.linkCheckConcurrency(), 1,
                1000);
        int maxPages = (int) r.get("maxPagesPerSite", f.maxPagesPerSite(), l.maxPagesPerSite(), 1, Integer.MAX_VALUE);
        int maxDepth = (int) r.get("maxDepth", f.maxDepth(), l.maxDepth(), 0, 100);
        int maxLinkChecks = (int) r.get("maxLinkChecksPerSite", f.maxLinkChecksPerSite(), l.maxLinkChecksPerSite(), 0,
                1_000_000);
        int maxMessages = (int) r.get("maxMessagesPerSection", f.maxMessagesPerSection(), l.maxMessagesPerSection(),
                0, 100_000);
        int maxMessagePages = (int) r.get("maxMessagePagesPerSection", f.maxMessagePagesPerSection(),
                l.maxMessagePagesPerSection(), 0, 10_000);
        Duration ttl = d.robotsCacheTtl();
        if (f.robotsCacheTtl() != null) {
            try {
                ttl = parseDuration(f.robotsCacheTtl());
            } catch (DateTimeParseException | NumberFormatException e) {
                p.add("robotsCacheTtl", "必须是时长，如 1h、30m、90s 或 PT1H，实为 " + f.robotsCacheTtl());
            }
        }
        List<CidrRange> cidrs = cidrs(f.allowPrivateCidrs(), p);
        file.check(p);
        Duration robotsTtl = ttl;
        return file.build(c -> new CrawlSettings(
                new FetchSettings(c.userAgent() == null ? d.userAgent() : c.userAgent(),
                        c.robotsAgent() == null ? d.robotsAgent() : c.robotsAgent(), connect, read, deadline, maxBody,
                        ratio, redirects, perHost, delay, maxCrawlDelay, global, robotsTtl, cidrs, c.proxyHost(),
                        proxyPort < 0 ? null : (int) proxyPort, c.hostOverrides(), maxQueueWait, List.of(), null, List.of()),
                new CrawlLimits(linkCheck, maxPages, maxDepth, maxLinkChecks, maxMessages, maxMessagePages)));
    }

    private static List<CidrRange> cidrs(List<String> texts, RuleProblems problems) {
        if (texts == null) {
            return List.of();
        }
        Set<CidrRange> out = new LinkedHashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(CidrRange.parse(String.valueOf(texts.get(i))));
            } catch (IllegalArgumentException e) {
                problems.add("allowPrivateCidrs[" + i + "]", "'" + texts.get(i)
                        + "' 不是 IPv4 或 IPv6 的 CIDR 地址段（如 127.0.0.0/8、fd00::/8）");
            }
        }
        return List.copyOf(out);
    }

    /** Whole-number keys: the file's value within its bounds, else the default; one problem per bad key. */
    private record Ranges(RuleProblems problems) {
        long get(String key, Long value, long fallback, long min, long max) {
            if (value == null) {
                return fallback;
            }
            if (value < min || value > max) {
                problems.add(key, "必须在 " + min + " 到 " + max + " 之间，实为 " + value);
                return fallback;
            }
            return value;
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
}
