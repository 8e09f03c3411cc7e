package org.egovmonitor.rectification;

import java.time.LocalDate;
import java.time.ZoneId;
import org.egovmonitor.bulletins.OpenTasks;
import org.egovmonitor.bulletins.PeriodTasks;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The tasks a report lists are those open at the end of its day, in the city's time zone, overdue first. */
class ReportTasksTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
    private static Jdbi jdbi;

    @BeforeAll
    static void tasks() {
        jdbi = TestPostgres.newDatabase().jdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES"
                    + " ('u-a', '甲局', 'DEPARTMENT', 'DEPARTMENTS'), ('u-b', '乙局', 'DEPARTMENT', 'DEPARTMENTS')");
            // issued, deadline, closed (city time)
            task(h, "u-a", "首页更新", "2026-06-10 09:00", "2026-06-20", null);          // open, overdue
            task(h, "u-b", "栏目空白", "2026-06-29 09:00", "2026-07-10", null);          // open, not due
            task(h, "u-a", "链接失效", "2026-06-05 09:00", "2026-06-15", "2026-06-14 10:00"); // closed before
            task(h, "u-b", "网站可用性", "2026-06-30 23:30", "2026-07-05", "2026-07-01 00:30"); // closed after
            task(h, "u-a", "互动回应", "2026-07-01 00:10", "2026-07-20", null);          // issued after
        });
    }

    private static void task(org.jdbi.v3.core.Handle h, String unit, String name, String issued, String deadline,
                             String closed) {
        h.createUpdate("INSERT INTO rectification_tasks (unit_code, indicator, indicator_name, finding_kind, message,"
                        + " snapshot_day, deadline, status, issued_by, issued_at, closed_at) VALUES (:unit, 'x', :name,"
                        + " 'DEDUCTION', '问题', DATE '2026-06-01', CAST(:deadline AS DATE), :status, 'office',"
                        + " CAST(:issued AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai',"
                        + " CAST(:closed AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai')")
                .bind("unit", unit).bind("name", name).bind("deadline", deadline).bind("issued", issued)
                .bind("closed", closed).bind("status", closed == null ? "OPEN" : "CLOSED").execute();
    }

    @Test
    void open_endOfDay_tasksAsTheyStoodOverdueFirst() {
        assertThat(new ReportTasks(jdbi, CITY).open(JUNE_30, null))
                .extracting(OpenTasks.Row::unitCode, OpenTasks.Row::task, OpenTasks.Row::deadline,
                        OpenTasks.Row::overdue)
                .containsExactly(
                        tuple("u-a", "首页更新：问题", LocalDate.of(2026, 6, 20), true),
                        tuple("u-b", "网站可用性：问题", LocalDate.of(2026, 7, 5), false),
                        tuple("u-b", "栏目空白：问题", LocalDate.of(2026, 7, 10), false));
    }

    @Test
    void open_oneUnit_onlyItsTasks() {
        assertThat(new ReportTasks(jdbi, CITY).open(JUNE_30, "u-a"))
                .extracting(OpenTasks.Row::unitName).containsExactly("甲局");
    }

    @Test
    void within_june_issuedOrClosedInTheMonthCityTime_closeDayOnlyWhenClosedByItsEnd() {
        assertThat(new ReportTasks(jdbi, CITY).within(LocalDate.of(2026, 6, 1), JUNE_30))
                .extracting(PeriodTasks.Row::unitCode, PeriodTasks.Row::task, PeriodTasks.Row::issuedOn,
                        PeriodTasks.Row::closedOn)
                .containsExactly(
                        tuple("u-a", "链接失效：问题", LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 14)),
                        tuple("u-a", "首页更新：问题", LocalDate.of(2026, 6, 10), null),
                        tuple("u-b", "栏目空白：问题", LocalDate.of(2026, 6, 29), null),
                        tuple("u-b", "网站可用性：问题", LocalDate.of(2026, 6, 30), null));
    }

    @Test
    void within_july_theTaskClosedAfterMidnightAndTheOneIssuedInJuly() {
        assertThat(new ReportTasks(jdbi, CITY).within(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)))
                .extracting(PeriodTasks.Row::task, PeriodTasks.Row::issuedOn, PeriodTasks.Row::closedOn)
                .containsExactly(
                        tuple("网站可用性：问题", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1)),
                        tuple("互动回应：问题", LocalDate.of(2026, 7, 1), null));
    }
}
