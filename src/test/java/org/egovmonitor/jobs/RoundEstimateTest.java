package org.egovmonitor.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundEstimateTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** 22:00 in the city. */
    private static final Instant START = ZonedDateTime.of(2026, 12, 6, 22, 0, 0, 0, CITY).toInstant();
    private static final Duration WINDOW = Duration.ofHours(2);

    static Stream<Arguments> table() {
        return Stream.of(
                // finished, total, minutes since start -> estimate text (null: none yet), exceeds the window
                Arguments.of(0, 1000, 30, null, false),
                Arguments.of(500, 1000, 30, "预计完成时间 23:00（剩余约 30 分钟）", false),
                Arguments.of(250, 1000, 20, "预计完成时间 23:20（剩余约 1 小时）", false),
                Arguments.of(100, 1000, 30, "预计完成时间 12月7日 03:00（剩余约 4 小时 30 分钟）", true),
                // 5 % finished: the projection (10 h) is not trusted yet
                Arguments.of(50, 1000, 30, "预计完成时间 12月7日 08:00（剩余约 9 小时 30 分钟）", false),
                // past the window already, whatever the rate (past midnight: "today" is the new day)
                Arguments.of(999, 1000, 121, "预计完成时间 00:01（剩余不到 1 分钟）", true),
                Arguments.of(0, 1000, 121, null, true),
                Arguments.of(1000, 1000, 90, "预计完成时间 23:30（剩余不到 1 分钟）", false));
    }

    @ParameterizedTest(name = "{0}/{1} after {2} min")
    @MethodSource("table")
    void estimate_table(int finished, int total, int minutes, String text, boolean exceeds) {
        RoundEstimate e = new RoundEstimate(finished, total, START, WINDOW);
        Instant now = START.plus(Duration.ofMinutes(minutes));
        assertThat(e.describe(now, CITY).orElse(null)).isEqualTo(text);
        assertThat(e.exceedsWindow(now)).isEqualTo(exceeds);
    }

    @Test
    void rate_sitesPerMinuteSoFar() {
        assertThat(new RoundEstimate(300, 1000, START, WINDOW).sitesPerMinute(START.plusSeconds(600)))
                .hasValue(30.0);
    }

    @Test
    void overrunNote_fromTheProjection_saysWhenAndByHowMuch() {
        RoundEstimate e = new RoundEstimate(100, 1000, START, WINDOW);
        assertThat(e.overrunNote(START.plus(Duration.ofMinutes(30)), CITY)).isEqualTo(
                "按目前速度（每分钟 3.3 个站点）预计 12月7日 03:00 完成，共需约 5 小时，超出轮次窗口 2 小时，本轮无法在窗口内完成。");
    }

    @Test
    void overrunNote_pastTheWindow_saysWhatIsLeft() {
        RoundEstimate e = new RoundEstimate(900, 1000, START, WINDOW);
        assertThat(e.overrunNote(START.plus(Duration.ofMinutes(125)), CITY))
                .isEqualTo("本轮已运行 2 小时 5 分钟，超出轮次窗口 2 小时，仍有 100 个站点未完成。");
    }

    @Test
    void ranLongerNote_saysTheLength() {
        assertThat(RoundEstimate.ranLongerNote(Duration.ofMinutes(150), WINDOW))
                .isEqualTo("本轮用时 2 小时 30 分钟，超出轮次窗口 2 小时。");
    }
}
