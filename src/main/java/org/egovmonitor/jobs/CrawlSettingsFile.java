package org.egovmonitor.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovmonitor.crawler.fetch.FetchSettings;

/**
 * Reads the crawl settings named by {@code scheduler.crawlSettings}. Left empty (the default), or naming a file that
 * does not exist, the scheduler uses the crawler folder's crawl.yml ({@code crawlersDir}, or the jar's copy), so one
 * file governs every fetcher unless an operator deliberately gives the scheduler its own.
 */
public final class CrawlSettingsFile {

    private CrawlSettingsFile() {
    }

    public static FetchSettings load(SchedulerConfiguration config, FetchSettings crawlerFolder) {
        String name = config.getCrawlSettings();
        if (name == null || name.isBlank() || !Files.exists(Path.of(name))) {
            return crawlerFolder;
        }
        Path file = Path.of(name);
        try {
            return FetchSettings.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read crawl settings " + file, e);
        }
    }

    /**
     * The crawl settings for a node running up to {@code workers} crawl workers: {@code globalConcurrency} raised to
     * that number when it is lower, so that the fetcher's global limit never holds workers idle (each worker fetches
     * at least one page at a time). Per-host politeness is untouched.
     */
    public static FetchSettings forWorkers(FetchSettings s, int workers) {
        if (s.globalConcurrency() >= workers) {
            return s;
        }
        org.slf4j.LoggerFactory.getLogger(CrawlSettingsFile.class).info(
                "globalConcurrency raised from {} to {}: this node runs up to {} crawl workers", s.globalConcurrency(),
                workers, workers);
        return new FetchSettings(s.userAgent(), s.robotsAgent(), s.connectTimeoutMs(), s.readTimeoutMs(),
                s.deadlineMs(), s.maxBodyBytes(), s.maxDecompressionRatio(), s.maxRedirects(), s.perHostConcurrency(),
                s.perHostDelayMs(), s.maxCrawlDelayMs(), workers, s.robotsCacheTtl(), s.allowPrivateCidrs(),
                s.proxyHost(), s.proxyPort(), s.linkCheckConcurrency(), s.maxPagesPerSite(), s.maxDepth(),
                s.maxLinkChecksPerSite(), s.hostOverrides(), s.maxMessagesPerSection(), s.maxMessagePagesPerSection(),
                s.maxQueueWaitMs(), s.allowPrivateEndpoints(), s.ownPorts());
    }

    /** The same settings with another whole-fetch deadline (the availability probe's 15 s). */
    public static FetchSettings withDeadline(FetchSettings s, long deadlineMs) {
        return new FetchSettings(s.userAgent(), s.robotsAgent(), (int) Math.min(s.connectTimeoutMs(), deadlineMs),
                (int) Math.min(s.readTimeoutMs(), deadlineMs), deadlineMs, s.maxBodyBytes(),
                s.maxDecompressionRatio(), s.maxRedirects(), s.perHostConcurrency(), s.perHostDelayMs(),
                s.maxCrawlDelayMs(), s.globalConcurrency(), s.robotsCacheTtl(), s.allowPrivateCidrs(), s.proxyHost(),
                s.proxyPort(), s.linkCheckConcurrency(), s.maxPagesPerSite(), s.maxDepth(), s.maxLinkChecksPerSite(),
                s.hostOverrides(), s.maxMessagesPerSection(), s.maxMessagePagesPerSection(), s.maxQueueWaitMs(),
                s.allowPrivateEndpoints(), s.ownPorts());
    }
}
