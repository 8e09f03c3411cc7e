package org.egovmonitor.crawler.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.egovmonitor.crawler.classify.SectionCatalog;
import org.egovmonitor.crawler.inspect.InspectionRules;

/**
 * The crawler's data files ({@code crawl.yml}, {@code sections.yml}), read from a folder and validated together.
 *
 * <p>Where they come from: an explicitly given folder must hold both files. The default folder ({@code crawlers/}
 * under the working directory, the install folder) is used when present; a file missing there is taken from the copy
 * bundled in the jar, so the app and the {@code measure} command work from any folder. A missing file fails with a
 * {@link CrawlerFilesException}; a bad file is never replaced by the bundled one: it fails with a
 * {@code RuleFileException} naming the file, and every problem with its line.
 *
 * @param crawl    fetch settings and crawl limits
 * @param sections the section catalogue
 * @param checks   the inspection checks' rules ({@code checks.yml})
 * @param source   where the files were read from, for the start-up log
 */
public record CrawlerFiles(CrawlSettings crawl, SectionCatalog sections, InspectionRules checks, String source) {

    /** The default folder, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("crawlers");
    static final String BUNDLED = "/egov-monitor-default/crawlers/";
    static final String CRAWL = "crawl.yml";
    static final String SECTIONS = "sections.yml";
    static final String CHECKS = "checks.yml";

    /** A crawler file is missing, unreadable or invalid; the message says which and why. */
    public static class CrawlerFilesException extends RuntimeException {
        public CrawlerFilesException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Loads from {@code dir}, or from the default folder (with the bundled fallback) when {@code dir} is null. */
    public static CrawlerFiles load(Path dir) {
        boolean explicit = dir != null && !dir.normalize().equals(DEFAULT_DIR);
        Path folder = dir == null ? DEFAULT_DIR : dir;
        if (explicit && !Files.isDirectory(folder)) {
            throw new CrawlerFilesException("爬虫配置目录不存在：" + folder.toAbsolutePath(), null);
        }
        Text crawl = read(folder, CRAWL, explicit);
        Text sections = read(folder, SECTIONS, explicit);
        // checks.yml came later than the other two: a folder made before it falls back to the bundled copy
        Text checks = read(folder, CHECKS, false);
        return new CrawlerFiles(CrawlSettings.parse(crawl.yaml(), crawl.source()),
                SectionCatalog.parse(sections.yaml(), sections.source()),
                InspectionRules.parse(checks.yaml(), checks.source()),
                crawl.source() + ", " + sections.source() + ", " + checks.source());
    }

    /** The section catalogue of the default folder, else the bundled one (the farm and tests use it). */
    public static SectionCatalog defaultCatalog() {
        return Holder.CATALOG;
    }

    private static final class Holder {
        static final SectionCatalog CATALOG = load(null).sections();
    }

    /** A crawler data file's text and where it came from (a path, or {@code jar:…} for the bundled copy). */
    public record Text(String yaml, String source) {
    }

    /**
     * Another data file of the crawler folder (e.g. indicators.yml), found the same way as crawl.yml and
     * sections.yml: in {@code dir}, or in ./crawlers with the jar's copy as fallback when {@code dir} is null.
     */
    public static Text text(Path dir, String name) {
        boolean explicit = dir != null && !dir.normalize().equals(DEFAULT_DIR);
        return read(dir == null ? DEFAULT_DIR : dir, name, explicit);
    }

    private static Text read(Path folder, String name, boolean explicit) {
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file)) {
            try {
                return new Text(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new CrawlerFilesException("无法读取爬虫配置文件 " + file + "：" + e.getMessage(), e);
            }
        }
        if (explicit) {
            throw new CrawlerFilesException("爬虫配置文件不存在：" + file.toAbsolutePath(), null);
        }
        try (InputStream in = CrawlerFiles.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new CrawlerFilesException("爬虫配置文件不存在：" + file.toAbsolutePath()
                        + "（jar 中也没有内置的 " + name + "）", null);
            }
            return new Text(new String(in.readAllBytes(), StandardCharsets.UTF_8), "jar:" + BUNDLED + name);
        } catch (IOException e) {
            throw new CrawlerFilesException("无法读取内置的 " + name + "：" + e.getMessage(), e);
        }
    }
}
