package org.egovmonitor.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.alerts.AlertEvent;
import org.egovmonitor.alerts.AlertKind;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Overdue tasks as the alerts see them, read from real task rows on PostgreSQL. */
class OverdueTaskAlertsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void get_onlyOpenTasksPastDeadline_withTitleDeadlineAndEvidence() {
        Jdbi jdbi = TestPostgres.newDatabase().jdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-a', '市甲局', 'DEPARTMENT', "
                    + "'DEPARTMENTS')");
            for (String[] t : List.of(new String[]{"2024-06-28", "OPEN"}, new String[]{"2024-07-05", "REPLIED"},
                    new String[]{"2024-06-20", "CLOSED"})) {
                h.createUpdate("""
                        INSERT INTO rectification_tasks (unit_code, indicator, indicator_name, finding_kind, site_url,
                            evidence_url, evidence_date, message, snapshot_day, deadline, status, issued_by)
                        VALUES ('dept-a', 'homepage_freshness', '首页更新', 'VETO', 'http://www.a.test/',
                            'http://www.a.test/', DATE '2024-06-10', '首页超过 14 天未更新', DATE '2024-06-21',
                            CAST(:deadline AS DATE), :status, 'office')
                        """).bind("deadline", t[0]).bind("status", t[1]).execute();
            }
        });
        Clock clock = Clock.fixed(Instant.parse("2024-07-01T02:00:00Z"), ZONE);
        RectificationService service = new RectificationService(jdbi, null, null, clock);

        List<AlertEvent> events = new OverdueTaskAlerts(service, clock, ZONE).get();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.OVERDUE_TASK);
            assertThat(e.unitCode()).isEqualTo("dept-a");
            assertThat(e.summary()).isEqualTo("整改任务已逾期：首页更新：首页超过 14 天未更新");
            assertThat(e.details()).contains("整改期限：2024-06-28");
            assertThat(e.evidence().url()).isEqualTo("http://www.a.test/");
            assertThat(e.fingerprint()).isEqualTo("2024-06-28");
        });
    }
}
