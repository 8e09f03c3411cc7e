package org.egovmonitor.crawler.realpages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled real-page corpus: {@code src/test/resources/realpages/corpus.yml} holds, for every page, where its
 * bytes come from (repository, commit, path, sha256) and the labels written by hand; the bytes themselves are kept
 * outside this repository (see docs/realpages.md) and found by {@link #pagesDir()}.
 *
 * <p>A third of the sites is set aside ({@link Page#setAside()}): chosen by a hash of the site's host, so every page
 * of a site falls on the same side and nobody picks the split. Rules are tuned on the other two thirds only.
 */
final class RealPageCorpus {

    static final String LABELS = "/realpages/corpus.yml";

    private RealPageCorpus() {
    }

    /** A link as labelled: its visible text (or alt/title) and its href as written on the page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String text, String href, String why) {
    }

    /** Where a page's bytes come from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String repo, String commit, String path, String sha256) {
    }

    /**
     * One labelled page.
     *
     * @param capturedOn the day the page was saved (its commit's date): the "now" it is judged against
     * @param families   family id to the link that shows it on this page (homepages, column and xxgk pages)
     * @param optional   families arguably present: neither a miss nor an extra
     * @param decoys     links that look like a column but are none
     * @param newest     homepage: the newest dated news/notice item (null: the page shows none)
     * @param listNewest list pages: the newest date of the main list (null: none)
     * @param blank      list pages: no entries, or only a placeholder
     * @param heldOut    labelled after the rules were last tuned: set aside whatever its site's hash
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(String id, String site, String url, String level, String era, String platform, String charset,
                String kind, Source source, LocalDate capturedOn, Map<String, Link> families, List<String> optional,
                List<Link> decoys, LocalDate newest, LocalDate listNewest, Integer items, Boolean blank,
                String notes, Boolean heldOut) {

        Page {
            families = families == null ? Map.of() : Map.copyOf(families);
            optional = optional == null ? List.of() : List.copyOf(optional);
            decoys = decoys == null ? List.of() : List.copyOf(decoys);
        }

        /** Pages judged on their sections: homepages, column and xxgk pages, and article pages whose navigation was labelled. */
        boolean isHomepageLike() {
            return "homepage".equals(kind) || "column".equals(kind) || "xxgk".equals(kind)
                    || "article".equals(kind) && (!families.isEmpty() || !optional.isEmpty());
        }

        boolean isList() {
            return "list".equals(kind) || "column".equals(kind) || "xxgk".equals(kind);
        }

        /**
         * The address the test server answers at: the page's own, over plain HTTP (the local server speaks no TLS;
         * a scheme changes nothing the engine reads).
         */
        URI uri() {
            URI u = URI.create(url);
            return u.getScheme().equalsIgnoreCase("https") ? URI.create("http" + url.substring(5)) : u;
        }

        String host() {
            return uri().getHost().toLowerCase(Locale.ROOT);
        }

        /**
         * True for the set-aside part: a hash of the site, so all of a site's pages fall on one side, or a page
         * labelled after the rules were last tuned ({@code heldOut: true}).
         */
        boolean setAside() {
            return Boolean.TRUE.equals(heldOut) || Byte.toUnsignedInt(sha256(site.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))[0]) % 3
                    == 0;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Labels(List<Page> pages) {
    }

    static List<Page> load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RealPageCorpus.class.getResourceAsStream(LABELS)) {
            if (in == null) {
                throw new IllegalStateException(LABELS + " is missing from the test classpath");
            }
            return List.copyOf(yaml.readValue(in, Labels.class).pages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder holding the page bytes ({@code <id>.html}): the {@code realpages.dir} system property, else the
     * {@code EGOV_REALPAGES_DIR} environment variable, else {@code ../shared/realpages} beside the checkout.
     */
    static Optional<Path> pagesDir() {
        String configured = System.getProperty("realpages.dir");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("EGOV_REALPAGES_DIR");
        }
        Path dir = configured == null || configured.isBlank() ? Path.of("..", "shared", "realpages")
                : Path.of(configured);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The page's bytes, checked against the sha256 its label records. */
    static byte[] bytes(Path dir, Page page) {
        Path file = dir.resolve(page.id() + ".html");
        try {
            byte[] body = Files.readAllBytes(file);
            String actual = HexFormat.of().formatHex(sha256(body));
            if (!actual.equalsIgnoreCase(page.source().sha256())) {
                throw new IllegalStateException(file + " has sha256 " + actual + ", the label says "
                        + page.source().sha256());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
