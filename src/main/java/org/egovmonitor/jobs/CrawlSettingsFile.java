package org.egovmonitor.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.egovmonitor.crawler.fetch.FetchSettings;
import org.egovmonitor.crawler.measure.CrawlSettings;

/**
 * Reads the crawl settings named by {@code scheduler.crawlSettings}. Left empty (the default), or naming a file that
 * does not exist, the scheduler uses the crawler folder's crawl.yml ({@code crawlersDir}, or the jar's copy), so one
 * file governs every fetcher unless an operator deliberately gives the scheduler its own.
 */
public final class CrawlSettingsFile {

    private CrawlSettingsFile() {
    }

    public static CrawlSettings load(SchedulerConfiguration config, CrawlSettings crawlerFolder) {
        String name = config.getCrawlSettings();
        if (name == null || name.isBlank() || !Files.exists(Path.of(name))) {
            return crawlerFolder;
        }
        return CrawlSettings.load(Path.of(name));
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
        return s.withGlobalConcurrency(workers);
    }
}
