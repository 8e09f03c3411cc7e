package org.egovmonitor.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a message may go: quiet hours, the daily digest, the backoff after a failure. Pure, in city time. */
final class DeliveryTimes {

    private DeliveryTimes() {
    }

    /** The end of the quiet window {@code now} falls in, or empty outside it (and without quiet hours). */
    static Optional<Instant> quietUntil(Instant now, ZoneId zone, AlertsConfiguration.QuietHours quiet) {
        if (quiet == null) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean wraps = quiet.start().isAfter(quiet.end());
        if (!wraps) {
            return !t.isBefore(quiet.start()) && t.isBefore(quiet.end())
                    ? Optional.of(at(day, quiet.end(), zone)) : Optional.empty();
        }
        if (!t.isBefore(quiet.start())) {
            return Optional.of(at(day.plusDays(1), quiet.end(), zone));
        }
        return t.isBefore(quiet.end()) ? Optional.of(at(day, quiet.end(), zone)) : Optional.empty();
    }

    /** The first digest time at or after {@code from}. */
    static Instant nextDigest(Instant from, ZoneId zone, LocalTime digestAt) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        Instant today = at(local.toLocalDate(), digestAt, zone);
        return today.isBefore(from) ? at(local.toLocalDate().plusDays(1), digestAt, zone) : today;
    }

    /** The wait after the {@code attempts}-th failed attempt: first backoff, doubling, capped. */
    static Duration backoff(int attempts, AlertsConfiguration.Retry retry) {
        Duration first = Duration.ofMillis(retry.firstBackoff().toMilliseconds());
        Duration max = Duration.ofMillis(retry.maxBackoff().toMilliseconds());
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
