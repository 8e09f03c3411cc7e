package org.egovmonitor.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * When a running crawl round will finish, from its progress so far: the rate since it started (sites finished ÷
 * time elapsed) applied to the sites left. Pure; the jobs API shows it and {@link CrawlRounds} records, once, a round
 * whose estimate passes its window.
 *
 * <p>The rate so far is pessimistic at the very start of a round (every worker is on its first site and none has
 * finished), so an overrun is only called from the projection once {@link #JUDGE_SHARE} of the sites are finished —
 * or at once when the round has already run longer than its window, which no later rate can undo.
 *
 * @param finished  sites finished (measured or failed for good)
 * @param total     sites in the round
 * @param startedAt when the round started
 * @param window    the round window it was started with
 */
public record RoundEstimate(int finished, int total, Instant startedAt, Duration window) {

    /** Share of the sites finished before the projection may call an overrun. */
    public static final double JUDGE_SHARE = 0.1;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.ROOT);

    /** The projected length of the whole round; empty until a site has finished. */
    public Optional<Duration> projectedLength(Instant now) {
        if (finished <= 0 || total <= 0) {
            return Optional.empty();
        }
        long elapsedMs = Math.max(0, Duration.between(startedAt, now).toMillis());
        return Optional.of(Duration.ofMillis((long) Math.ceil((double) elapsedMs * total / finished)));
    }

    public Optional<Instant> finish(Instant now) {
        return projectedLength(now).map(startedAt::plus).map(f -> f.isBefore(now) ? now : f);
    }

    /** Sites per minute so far; empty until a site has finished. */
    public Optional<Double> sitesPerMinute(Instant now) {
        long elapsedMs = Duration.between(startedAt, now).toMillis();
        if (finished <= 0 || elapsedMs <= 0) {
            return Optional.empty();
        }
        return Optional.of(finished * 60_000.0 / elapsedMs);
    }

    /** True when the round cannot finish inside its window (see the class comment for when this is judged). */
    public boolean exceedsWindow(Instant now) {
        Duration elapsed = Duration.between(startedAt, now);
        if (elapsed.compareTo(window) > 0) {
            return true;
        }
        if (finished < Math.max(1, Math.ceil(JUDGE_SHARE * total))) {
            return false;
        }
        return projectedLength(now).map(p -> p.compareTo(window) > 0).orElse(false);
    }

    /** "预计完成时间 23:40（剩余约 35 分钟）"; the day is added when it is not today. Empty until a site has finished. */
    public Optional<String> describe(Instant now, ZoneId zone) {
        return finish(now).map(f -> "预计完成时间 " + clock(f, now, zone) + "（剩余"
                + remaining(Duration.between(now, f)) + "）");
    }

    /** The run record's sentence when the estimate passes the window. */
    public String overrunNote(Instant now, ZoneId zone) {
        Duration elapsed = Duration.between(startedAt, now);
        if (elapsed.compareTo(window) > 0) {
            return "本轮已运行 " + CrawlWorkerSizing.chinese(elapsed) + "，超出轮次窗口 "
                    + CrawlWorkerSizing.chinese(window) + "，仍有 " + (total - finished) + " 个站点未完成。";
        }
        Instant f = finish(now).orElse(now);
        return String.format(Locale.ROOT, "按目前速度（每分钟 %.1f 个站点）预计 %s 完成，共需约 %s，超出轮次窗口 %s，"
                        + "本轮无法在窗口内完成。", sitesPerMinute(now).orElse(0.0), clock(f, now, zone),
                CrawlWorkerSizing.chinese(projectedLength(now).orElse(Duration.ZERO)),
                CrawlWorkerSizing.chinese(window));
    }

    /** The run record's sentence for a round that finished after its window. */
    public static String ranLongerNote(Duration took, Duration window) {
        return "本轮用时 " + CrawlWorkerSizing.chinese(took) + "，超出轮次窗口 " + CrawlWorkerSizing.chinese(window) + "。";
    }

    private static String clock(Instant t, Instant now, ZoneId zone) {
        ZonedDateTime at = t.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        return at.toLocalDate().equals(today) ? TIME.format(at) : DAY_TIME.format(at);
    }

    /** "不到 1 分钟", "约 35 分钟", "约 2 小时 5 分钟". */
    static String remaining(Duration d) {
        if (d.toMinutes() < 1) {
            return "不到 1 分钟";
        }
        return "约 " + CrawlWorkerSizing.chinese(Duration.ofMinutes(d.toMinutes()));
    }
}
