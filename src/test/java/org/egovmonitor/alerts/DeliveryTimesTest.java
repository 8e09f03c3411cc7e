package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.util.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryTimesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Times in the city (UTC+8); an empty end means not quiet. */
    @ParameterizedTest(name = "{0}–{1} at {2} → {3}")
    @CsvSource({
            "22:00, 07:00, 2024-07-01T23:30, 2024-07-02T07:00",
            "22:00, 07:00, 2024-07-01T22:00, 2024-07-02T07:00",
            "22:00, 07:00, 2024-07-02T06:59, 2024-07-02T07:00",
            "22:00, 07:00, 2024-07-02T07:00, ",
            "22:00, 07:00, 2024-07-01T12:00, ",
            "12:00, 14:00, 2024-07-01T12:30, 2024-07-01T14:00",
            "12:00, 14:00, 2024-07-01T14:00, ",
            "12:00, 14:00, 2024-07-01T11:59, "
    })
    void quietUntil_window_endOrEmpty(String start, String end, String at, String expected) {
        AlertsConfiguration.QuietHours quiet = new AlertsConfiguration.QuietHours(LocalTime.parse(start),
                LocalTime.parse(end));
        assertThat(DeliveryTimes.quietUntil(local(at), ZONE, quiet).orElse(null))
                .isEqualTo(expected == null ? null : local(expected));
    }

    @ParameterizedTest(name = "digest at {0}, from {1} → {2}")
    @CsvSource({
            "08:30, 2024-07-01T08:00, 2024-07-01T08:30",
            "08:30, 2024-07-01T08:30, 2024-07-01T08:30",
            "08:30, 2024-07-01T08:31, 2024-07-02T08:30",
            "00:00, 2024-07-01T23:59, 2024-07-02T00:00"
    })
    void nextDigest_firstAtOrAfter(String at, String from, String expected) {
        assertThat(DeliveryTimes.nextDigest(local(from), ZONE, LocalTime.parse(at))).isEqualTo(local(expected));
    }

    @ParameterizedTest(name = "attempt {0} → {1} s")
    @CsvSource({"1, 60", "2, 120", "3, 240", "6, 1920", "7, 3600", "40, 3600"})
    void backoff_doublesUpToMax(int attempts, long seconds) {
        AlertsConfiguration.Retry retry = new AlertsConfiguration.Retry(5, Duration.minutes(1), Duration.hours(1));
        assertThat(DeliveryTimes.backoff(attempts, retry)).hasSeconds(seconds);
    }

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }
}
