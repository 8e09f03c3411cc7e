package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.observations.ProbeDao;
import org.egovmonitor.scoring.EvidenceSource;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.ScoringFixtures;
import org.egovmonitor.scoring.UnitEvidence;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where alerts come from, on real PostgreSQL and a real SMTP server: a score snapshot compared with the previous
 * stored day (real snapshots written by the scoring service), and the availability probes' latest results.
 */
class AlertSourcesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = ScoringFixtures.DAY;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Map<LocalDate, List<UnitEvidence>> evidence = new HashMap<>();
    private Jdbi jdbi;
    private ScoreSnapshotService scoring;
    private MovableClock clock;
    private Alerts alerts;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        jdbi.useHandle(h -> h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES "
                + "('dept-a', '市甲局', 'DEPARTMENT', 'DEPARTMENTS'), ('dept-d', '市丁局', 'DEPARTMENT', 'DEPARTMENTS')"));
        EvidenceSource source = day -> evidence.getOrDefault(day, List.of());
        scoring = new ScoreSnapshotService(jdbi, source, ScoringFixtures.CATALOGUE,
                StrictJsonModule.configure(Jackson.newObjectMapper()), Clock.fixed(Instant.parse(
                "2024-06-30T04:00:00Z"), ZONE));
        clock = new MovableClock(Instant.parse("2024-06-30T04:00:00Z"), ZONE);
        alerts = new Alerts(jdbi, new AlertsConfiguration("http://monitor.city.test/",
                new AlertsConfiguration.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), null, null, null,
                        "monitor@city.test", null), null,
                List.of(new AlertsConfiguration.Email("office@city.test", DeliveryMode.IMMEDIATE)), null, null,
                LocalTime.of(8, 30), null, Duration.seconds(5), null), scoring, Jackson.newObjectMapper(), clock,
                ZONE);
    }

    @AfterEach
    void tearDown() {
        alerts.close();
    }

    /** Scores {@code day}; a stale dept-d's homepage last changed on one fixed date (the same evidence each day). */
    private void scoreDay(LocalDate day, boolean deptDStale) {
        UnitEvidence d = deptDStale
                ? ScoringFixtures.withMeasurement(ScoringFixtures.healthy("dept-d"), ScoringFixtures.measurement(
                        DAY.minusDays(20), ScoringFixtures.healthySections(), List.of(), List.of()))
                : ScoringFixtures.healthy("dept-d");
        evidence.put(day, List.of(ScoringFixtures.healthy("dept-a"), d));
        scoring.snapshot(day);
    }

    private List<String> subjects() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            out.add(m.getSubject());
        }
        return out;
    }

    @Test
    void afterSnapshot_vetoNewSincePreviousDay_announcedOnce_clearsAndReturns() throws Exception {
        scoreDay(DAY.minusDays(1), false);
        alerts.afterSnapshot(DAY.minusDays(1));
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        scoreDay(DAY, true);
        String summary = alerts.afterSnapshot(DAY);
        assertThat(summary).contains("新增否决/预警 1 项").contains("发送 1 条");
        assertThat(subjects()).singleElement().asString().startsWith("【政务网站监测】市丁局：新增单项否决");
        assertThat(alerts.deliveries("dept-d", null, 10)).extracting(Delivery::kind).containsExactly(AlertKind.NEW_VETO);

        scoreDay(DAY, true); // the snapshot run again the same day: nothing new
        alerts.afterSnapshot(DAY);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        scoreDay(DAY.plusDays(1), false); // fixed: the problem clears
        assertThat(alerts.afterSnapshot(DAY.plusDays(1))).contains("已消除 1 项");
        scoreDay(DAY.plusDays(2), true); // and comes back: announced again
        alerts.afterSnapshot(DAY.plusDays(2));
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    @Test
    void afterSnapshot_vetoAlreadyOnPreviousDay_notAnnounced() {
        scoreDay(DAY.minusDays(1), true);
        scoreDay(DAY, true);
        alerts.afterSnapshot(DAY);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void afterProbes_homepageUpThenFailing_announcedWithHttpCode_recoversAndFailsAgain() throws Exception {
        long site = jdbi.withHandle(h -> h.createUpdate("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                + "('http://www.dept-a.test/', '甲局网站', 'DEPARTMENT', 'dept-a')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long onlyDown = jdbi.withHandle(h -> h.createUpdate("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                + "('http://www.dept-d.test/', '丁局网站', 'DEPARTMENT', 'dept-d')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        Instant t = Instant.parse("2024-06-30T02:00:00Z");
        probe(site, t, true, 200, null);
        probe(onlyDown, t, false, 0, "TIMEOUT"); // never seen up: not "going down"
        assertThat(alerts.afterProbes()).contains("新增网站无法访问 0 个");

        probe(site, t.plusSeconds(1800), false, 503, "HTTP_ERROR");
        assertThat(alerts.afterProbes()).contains("新增网站无法访问 1 个");
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("【政务网站监测】市甲局：网站无法访问 — 网站首页无法访问："
                + "http://www.dept-a.test/ 返回 HTTP 503");
        assertThat(MailedApp.text(mail.getContent())).contains("证据：网址 http://www.dept-a.test/；日期 2024-06-30；"
                + "HTTP 状态 503；错误 HTTP_ERROR", "探测时间：2024-06-30 10:30:00");

        alerts.afterProbes(); // still the same outage
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        probe(site, t.plusSeconds(3600), true, 200, null);
        assertThat(alerts.afterProbes()).contains("恢复 1 个");
        probe(site, t.plusSeconds(5400), false, 0, "TIMEOUT");
        alerts.afterProbes();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(MAIL.getReceivedMessages()[1].getSubject()).endsWith("无响应（TIMEOUT）");
    }

    private void probe(long siteId, Instant at, boolean up, int status, String error) {
        String url = jdbi.withHandle(h -> h.createQuery("SELECT url FROM sites WHERE id = :id").bind("id", siteId)
                .mapTo(String.class).one());
        jdbi.useExtension(ProbeDao.class, d -> d.addAvailability(siteId, at, up, status, 100, error, url));
    }
}
