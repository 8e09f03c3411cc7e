package org.egovmonitor.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateExtractorTest {

    private static final LocalDate NOW = LocalDate.of(2003, 4, 20);
    private final DateExtractor dates = new DateExtractor(NOW);

    @Nested
    class DateOfText {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "2003-04-15            | 2003-04-15",
                "2003/4/15             | 2003-04-15",
                "2003.04.15            | 2003-04-15",
                "2003年4月15日          | 2003-04-15",
                "2003年04月15日         | 2003-04-15",
                "2003 年 4 月 15 日     | 2003-04-15",
                "(04-15)               | 2003-04-15",
                "[2003-04-15]          | 2003-04-15",
                "【2003-04-15】         | 2003-04-15",
                "（2003-04-15）         | 2003-04-15",
                "04-15                 | 2003-04-15",
                "4月15日               | 2003-04-15",
                "4/15                  | 2003-04-15",
                "04.15                 | 2003-04-15",
                "2003-04-15 10:23      | 2003-04-15",
                "2003-04-15 10:23:05   | 2003-04-15",
                "发布时间：2003-04-15    | 2003-04-15",
                "日期:2003-4-1         | 2003-04-01",
                "'\u30002003-04-15\u3000' | 2003-04-15",
                "2003-04-20            | 2003-04-20",
        })
        void dateOfText_supportedFormat_returnsDate(String text, LocalDate expected) {
            assertThat(dates.dateOfText(text, null)).contains(expected);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "2003-04-21",            // future full date: rejected, not clamped
                "2004-01-01",
                "2003-02-30",            // impossible
                "2003-13-01",
                "2002-02-29",
                "1985-04-15",            // before any website
                "© 2003",
                "Copyright 2001-2003",
                "版权所有 2003-04-15",
                "关于2003年4月15日会议的通知",
                "第3期",
                "2003",
                "04-15-2003-01",
                "13-45",
                "",
        })
        void dateOfText_notADate_returnsEmpty(String text) {
            assertThat(dates.dateOfText(text, null)).isEmpty();
        }
    }

    @Nested
    class YearInference {

        @ParameterizedTest(name = "now {0}, context {1}, {2} -> {3}")
        @CsvSource(delimiter = '|', nullValues = "null", value = {
                "2003-04-20 | null | 04-15  | 2003-04-15",
                "2003-04-20 | null | 04-20  | 2003-04-20",
                "2003-04-20 | null | 04-21  | 2002-04-21",   // would be future: previous year
                "2004-01-05 | null | 12-28  | 2003-12-28",   // across new year
                "2004-01-05 | null | 01-03  | 2004-01-03",
                "2004-01-05 | 2003 | 11-15  | 2003-11-15",   // context year from other dates on the page
                "2024-06-01 | 2003 | 04-15  | 2003-04-15",   // archive page: context wins over now
                "2003-01-05 | 2003 | 12-30  | 2002-12-30",   // context year would be future: previous year
                "2004-03-01 | null | 02-29  | 2004-02-29",
        })
        void dateOfText_yearLess_infersYear(LocalDate now, Integer context, String text, LocalDate expected) {
            assertThat(new DateExtractor(now).dateOfText(text, context)).contains(expected);
        }

        @Test
        void dateOfText_yearLessLeapDayWithoutLeapYear_returnsEmpty() {
            assertThat(new DateExtractor(LocalDate.of(2003, 4, 20)).dateOfText("02-29", null)).isEmpty();
        }
    }

    @Nested
    class DateAtEdges {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "市政府召开常务会议 2003-04-15          | 2003-04-15",
                "市政府召开常务会议2003-04-15           | 2003-04-15",
                "市政府召开常务会议 (04-15)             | 2003-04-15",
                "市政府召开常务会议(04-15)              | 2003-04-15",
                "市政府召开常务会议 [2003-04-15]        | 2003-04-15",
                "2003-04-15 市政府召开常务会议          | 2003-04-15",
                "[04-15] 市政府召开常务会议             | 2003-04-15",
                "市政府召开常务会议 4月15日              | 2003-04-15",
                "关于2003年4月28日会议的通知 2003-04-12 | 2003-04-12",
        })
        void dateAtEdges_dateAtStartOrEnd_returnsDate(String text, LocalDate expected) {
            assertThat(dates.dateAtEdges(text, null)).contains(expected);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
                "关于2003年4月15日会议的通知",
                "关于4月15日召开会议的通知",
                "4月15日起实施新的收费标准",
                "会议定于4月15日",
                "Copyright 2001-2003 池州市人民政府 版权所有",
                "© 2003-04-15 池州市",
                "2003年工作要点",
                "池州市2003年公开招聘公务员公告",
        })
        void dateAtEdges_dateInsideRunningTextOrCopyright_returnsEmpty(String text) {
            assertThat(dates.dateAtEdges(text, null)).isEmpty();
        }
    }

    @Nested
    class NewestFullDate {

        @Test
        void newestFullDateIn_pageText_returnsNewestValidPastDate() {
            String text = "今天是：2003年4月20日 更新 2003-04-18 下期 2003-05-01 非法 2003-02-30";
            assertThat(dates.newestFullDateIn(text)).contains(LocalDate.of(2003, 4, 20));
        }
    }

    @Nested
    class DatesIn {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "来信时间：2024-01-02　回复时间：2024-01-20 | 2024-1-2;2024-1-20",
                "留言：2003年4月15日 10:30 答复：(04-20) | 2003-4-15;-4-20",
                "回复时间:04-20 | -4-20",
                "04-20 | -4-20",
                "第1/2页 共3-4条 电话0566-2021234 | ''",
                "版权所有 2003-04-15 | ''",
        })
        void rawDatesIn_text_everyDateInOrder(String text, String expected) {
            List<String> found = DateExtractor.rawDatesIn(text).stream()
                    .map(d -> (d.raw().year() == null ? "" : d.raw().year()) + "-" + d.raw().month() + "-"
                            + d.raw().day())
                    .toList();
            assertThat(String.join(";", found)).isEqualTo(expected);
        }

        @Test
        void rawDatesIn_labelledDates_positionsSpanTheDates() {
            String text = "来信时间：2024-01-02 10:30 回复";
            DateExtractor.DateMatch d = DateExtractor.rawDatesIn(text).get(0);
            assertThat(text.substring(d.start(), d.end())).isEqualTo("2024-01-02 10:30");
        }
    }
}
