package org.egovmonitor.observations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.egovmonitor.crawler.measure.EvidenceSink;
import org.jdbi.v3.core.Jdbi;

/**
 * The evidence snapshots (网页快照, table {@code evidence_snapshots} of V19): the bytes of every page a crawl fetched,
 * gzip-compressed, one row per distinct SHA-256. A page seen again (the next round, or twice in one crawl) only moves
 * its {@code last_seen} on, without being compressed again: the common case of an unchanged page costs one UPDATE.
 * Written by the crawl as it fetches ({@link EvidenceSink}), read by the snapshot viewer, pruned by retention.
 * Thread-safe.
 */
public final class EvidenceStore implements EvidenceSink {

    /** A snapshot is named by a lower-case hex SHA-256. */
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Decompressed bytes read back at most: the fetcher's size caps are far below; a corrupt row cannot blow up. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final Jdbi jdbi;
    private final Clock clock;

    public EvidenceStore(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    public EvidenceStore(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code text} can name a snapshot (64 lower-case hex digits). */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    @Override
    public void keep(String url, String sha256, byte[] body, String contentType, String charset) {
        if (!isSha256(sha256) || body == null || url == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int seen = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE evidence_snapshots SET last_seen = :now WHERE sha256 = :sha AND last_seen < :now")
                .bind("now", now).bind("sha", sha256).execute());
        if (seen > 0 || exists(sha256)) {
            return;
        }
        byte[] gzip = gzip(body);
        // Two crawls may race to insert the same new page: the loser only moves last_seen on.
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO evidence_snapshots (sha256, body_gzip, size, content_type, charset, first_url,
                                                        first_seen, last_seen)
                        VALUES (:sha, :body, :size, :contentType, :charset, :url, :now, :now)
                        ON CONFLICT (sha256) DO UPDATE
                           SET last_seen = GREATEST(evidence_snapshots.last_seen, EXCLUDED.last_seen)
                        """)
                .bind("sha", sha256).bind("body", gzip).bind("size", (long) body.length)
                .bind("contentType", clip(contentType, 200)).bind("charset", clip(charset, 100))
                .bind("url", clip(url, 4000)).bind("now", now).execute());
    }

    private boolean exists(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM evidence_snapshots WHERE sha256 = :sha")
                .bind("sha", sha256).mapTo(Integer.class).one()) > 0;
    }

    /** A stored snapshot with its page bytes (decompressed). */
    public record Snapshot(String sha256, String firstUrl, Instant firstSeen, Instant lastSeen, String contentType,
                           String charset, long size, byte[] body) {
    }

    /** The snapshot {@code sha256}, empty when there is none (or the name is not a SHA-256). */
    public Optional<Snapshot> find(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sha256, first_url, first_seen, last_seen, content_type, charset, size, body_gzip
                          FROM evidence_snapshots WHERE sha256 = :sha
                        """)
                .bind("sha", sha256)
                .map((rs, ctx) -> new Snapshot(rs.getString("sha256"), rs.getString("first_url"),
                        rs.getObject("first_seen", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen", OffsetDateTime.class).toInstant(), rs.getString("content_type"),
                        rs.getString("charset"), rs.getLong("size"), gunzip(rs.getBytes("body_gzip"))))
                .findOne());
    }

    /**
     * Whether snapshot {@code sha256} is the body of a fetch of one of unit {@code unitCode}'s sites: in a stored
     * fetch record, or in what retention kept of a site-day's last measurement. What a department may view.
     */
    public boolean belongsToUnit(String sha256, String unitCode) {
        if (!isSha256(sha256) || unitCode == null) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM measurement_fetches f
                                         JOIN measurements m ON m.id = f.measurement_id
                                         JOIN sites s ON s.id = m.site_id
                                        WHERE f.sha256 = :sha AND s.unit_code = :unit)
                            OR EXISTS (SELECT 1 FROM site_daily_facts d
                                         JOIN sites s ON s.id = d.site_id
                                        WHERE s.unit_code = :unit
                                          AND d.last_snapshots @> jsonb_build_array(jsonb_build_object('sha256', :sha)))
                        """)
                .bind("sha", sha256).bind("unit", unitCode).mapTo(Boolean.class).one());
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The stored bytes, decompressed, at most {@link #MAX_BODY_BYTES} of them. */
    static byte[] gunzip(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readNBytes(MAX_BODY_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot bytes are not gzip", e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
