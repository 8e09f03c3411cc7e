package org.egovmonitor.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.retention.RetentionDao.PendingDay;
import org.egovmonitor.retention.RetentionDao.PendingRows;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of raw measurement rows. List entries, fetch records and homepage link checks of measurements taken
 * before the cutoff (today minus {@code retention.rawDays}) are rolled up into one {@code site_daily_facts} row per
 * site and measurement day, then deleted. The measurements rows, their sections, sub-columns and messages stay, as
 * do scores, snapshots and findings.
 *
 * <p>What scoring still needs survives exactly: it reads no list entry and no fetch record (it judges sections, the
 * measurement row and messages), and of the link checks only the broken ones of the measurement it takes for a day
 * — always the last measurement of some measurement day — which the roll-up keeps ({@code last_broken}) and
 * {@code ObservationStore} reads in place of the deleted rows. So a rescore of an old day equals its snapshot.
 *
 * <p>Work is done a handful of site-days at a time: one transaction rolls them up and deletes their raw rows, so a
 * reader sees either the raw rows or the roll-up, never both or neither. Each delete takes at most
 * {@code retention.batchRows} rows, and a transaction covers about as many rows' worth of site-days (sized from the
 * previous one), so nothing holds locks or a snapshot for long. A stopped run resumes where it stopped: a site-day
 * is pending exactly while it has no roll-up.
 */
public final class RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    /** Site-days of the first transaction; later ones are sized from the rows the previous one deleted. */
    private static final int FIRST_CHUNK = 10;
    private static final int MAX_CHUNK = 1_000;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Jdbi jdbi;
    private final RetentionSettings settings;
    private final Clock clock;

    public RetentionService(Jdbi jdbi, RetentionSettings settings, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The first day whose raw rows are kept (today in the city's time zone, minus rawDays). */
    public LocalDate cutoff() {
        return LocalDate.now(clock).minusDays(settings.getRawDays());
    }

    /** What a run would roll up and delete now; changes nothing (the command's {@code --dry-run}). */
    public Plan plan() {
        LocalDate cutoff = cutoff();
        return jdbi.inTransaction(h -> {
            RetentionDao dao = h.attach(RetentionDao.class);
            List<PendingDay> days = dao.pendingDays(cutoff);
            return new Plan(settings.getRawDays(), cutoff, days.size(),
                    days.stream().mapToInt(PendingDay::siteDays).sum(), dao.pendingRows(cutoff));
        });
    }

    /** Rolls up and deletes every pending site-day before the cutoff, oldest day first. */
    public Result run(Progress progress) throws InterruptedException {
        LocalDate cutoff = cutoff();
        long start = System.nanoTime();
        List<PendingDay> days = jdbi.withExtension(RetentionDao.class, d -> d.pendingDays(cutoff));
        int pending = days.stream().mapToInt(PendingDay::siteDays).sum();
        progress.started(pending);
        LOG.info("Retention: {} site-days on {} days before {} to roll up", pending, days.size(), cutoff);
        long[] deleted = new long[3];
        int siteDays = 0;
        int chunk = FIRST_CHUNK;
        long lastLog = start;
        for (PendingDay day : days) {
            List<Long> sites = jdbi.withExtension(RetentionDao.class, d -> d.sitesToRollUp(day.day()));
            for (int from = 0; from < sites.size(); ) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("retention stopped after " + siteDays + " site-days");
                }
                Long[] siteIds = sites.subList(from, Math.min(from + chunk, sites.size())).toArray(Long[]::new);
                long[] rows = jdbi.inTransaction(h -> rollUpAndDelete(h.attach(RetentionDao.class), day.day(),
                        siteIds, settings.getBatchRows()));
                long batchRows = rows[0] + rows[1] + rows[2];
                for (int k = 0; k < 3; k++) {
                    deleted[k] += rows[k];
                }
                from += siteIds.length;
                siteDays += siteIds.length;
                progress.batch(siteIds.length, batchRows);
                chunk = nextChunk(siteIds.length, batchRows, settings.getBatchRows());
                long now = System.nanoTime();
                if (now - lastLog >= LOG_EVERY_NANOS) {
                    lastLog = now;
                    LOG.info("Retention: {}/{} site-days rolled up (at {}), {} raw rows deleted so far", siteDays,
                            pending, day.day(), deleted[0] + deleted[1] + deleted[2]);
                }
            }
        }
        long snapshots = deleteOldSnapshots();
        Result result = new Result(settings.getRawDays(), cutoff, days.size(), siteDays,
                days.isEmpty() ? null : days.get(0).day(), days.isEmpty() ? null : days.get(days.size() - 1).day(),
                deleted[0], deleted[1], deleted[2], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                snapshots);
        LOG.info("Retention: {} site-days rolled up, {} raw rows deleted in {} ms", siteDays, result.rowsDeleted(),
                result.millis());
        return result;
    }

    /** Snapshots not seen for {@code retention.snapshotDays} are older than this instant. */
    public java.time.OffsetDateTime snapshotCutoff() {
        return java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                .minusDays(settings.getSnapshotDays());
    }

    /**
     * Deletes the evidence snapshots no crawl has seen for {@code snapshotDays}, but those an open rectification
     * task rests on, in bounded statements (each its own transaction: a snapshot row is independent of the rest).
     */
    long deleteOldSnapshots() throws InterruptedException {
        java.time.OffsetDateTime before = snapshotCutoff();
        int limit = Math.max(1, settings.getBatchRows() / 10); // a snapshot row is up to a few hundred KB
        long total = 0;
        int n;
        do {
            if (Thread.interrupted()) {
                throw new InterruptedException("retention stopped after deleting " + total + " snapshots");
            }
            n = jdbi.withExtension(RetentionDao.class, d -> d.deleteSnapshots(before, limit));
            total += n;
        } while (n == limit);
        if (total > 0) {
            LOG.info("Retention: {} evidence snapshots not seen since {} deleted", total, before);
        }
        return total;
    }

    /** One transaction: the roll-up of whole site-days, then their raw rows deleted in bounded statements. */
    private static long[] rollUpAndDelete(RetentionDao dao, LocalDate day, Long[] siteIds, int limit) {
        Long[] ids = dao.measurementIds(day, siteIds).toArray(Long[]::new);
        dao.rollUp(ids);
        return new long[] {drain(n -> dao.deleteItems(ids, n), limit), drain(n -> dao.deleteFetches(ids, n), limit),
                drain(n -> dao.deleteLinkChecks(ids, n), limit)};
    }

    private static long drain(IntUnaryOperator delete, int limit) {
        long total = 0;
        int n;
        do {
            n = delete.applyAsInt(limit);
            total += n;
        } while (n == limit);
        return total;
    }

    /** Site-days of the next transaction, so that it deletes about {@code target} rows. */
    static int nextChunk(int used, long rows, int target) {
        if (rows <= 0) {
            return Math.min(MAX_CHUNK, used * 2);
        }
        long next = Math.round((double) used * target / rows);
        return (int) Math.max(1, Math.min(MAX_CHUNK, next));
    }

    /** Told as a run goes: the site-days pending at its start, then every committed batch. */
    public interface Progress {
        void started(int siteDays);

        void batch(int siteDays, long rowsDeleted);

        Progress NONE = new Progress() {
            @Override
            public void started(int siteDays) {
            }

            @Override
            public void batch(int siteDays, long rowsDeleted) {
            }
        };
    }

    /** What a run would do now. */
    public record Plan(int rawDays, LocalDate cutoff, int days, int siteDays, PendingRows rows) {

        public long rowsToDelete() {
            return rows.listEntries() + rows.fetches() + rows.linkChecks();
        }

        /** In Chinese, for the command's output. */
        public String describe() {
            String kept = Messages.get("summary.retention.kept", rawDays, cutoff);
            if (siteDays == 0) {
                return Messages.get("summary.retention.nothing", kept);
            }
            return Messages.get("summary.retention.plan", kept, days, n(siteDays), n(rows.measurements()),
                    n(rowsToDelete()), n(rows.listEntries()), n(rows.fetches()), n(rows.linkChecks()));
        }
    }

    /** What a run did. {@code firstDay}/{@code lastDay} are null when nothing was pending. */
    public record Result(int rawDays, LocalDate cutoff, int days, int siteDays, LocalDate firstDay, LocalDate lastDay,
                         long listEntries, long fetches, long linkChecks, long millis, long snapshots) {

        public long rowsDeleted() {
            return listEntries + fetches + linkChecks;
        }

        /** In Chinese: the run record's message and the command's output. */
        public String describe() {
            String kept = Messages.get("summary.retention.kept", rawDays, cutoff);
            String pruned = snapshots == 0 ? "" : Messages.get("summary.retention.snapshots", n(snapshots));
            if (siteDays == 0) {
                return Messages.get("summary.retention.nothing", kept) + pruned;
            }
            return Messages.get("summary.retention.result", kept, n(siteDays), days, firstDay, lastDay,
                    n(rowsDeleted()), n(listEntries), n(fetches), n(linkChecks), millis / 1000.0) + pruned;
        }
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
