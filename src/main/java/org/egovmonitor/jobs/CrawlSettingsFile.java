package org.egovmonitor.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovmonitor.crawler.fetch.FetchSettings;

/** Reads the crawl settings named by {@code scheduler.crawlSettings}; a missing file means the defaults. */
public final class CrawlSettingsFile {

    private CrawlSettingsFile() {
    }

    public static FetchSettings load(SchedulerConfiguration config) {
        Path file = Path.of(config.getCrawlSettings());
        if (!Files.exists(file)) {
            return FetchSettings.defaults();
        }
        try {
            return FetchSettings.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read crawl settings " + file, e);
        }
    }

    /** The same settings with another whole-fetch deadline (the availability probe's 15 s). */
    public static FetchSettings withDeadline(FetchSettings s, long deadlineMs) {
        return new FetchSettings(s.userAgent(), s.robotsAgent(), (int) Math.min(s.connectTimeoutMs(), deadlineMs),
                (int) Math.min(s.readTimeoutMs(), deadlineMs), deadlineMs, s.maxBodyBytes(),
                s.maxDecompressionRatio(), s.maxRedirects(), s.perHostConcurrency(), s.perHostDelayMs(),
                s.maxCrawlDelayMs(), s.globalConcurrency(), s.robotsCacheTtl(), s.allowPrivateCidrs(), s.proxyHost(),
                s.proxyPort(), s.linkCheckConcurrency(), s.maxPagesPerSite(), s.maxDepth(), s.maxLinkChecksPerSite(),
                s.hostOverrides());
    }
}
