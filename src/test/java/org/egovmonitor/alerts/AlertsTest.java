package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.alerts.MailedApp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.scoring.AlertRow;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingKind;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alerts end to end on the real parts: PostgreSQL, a GreenMail SMTP server in the JVM and a local HTTP receiver for
 * the robots; time moved by a clock, never by sleeping.
 */
class AlertsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 10:00 in the city. */
    static final Instant MORNING = Instant.parse("2024-07-01T02:00:00Z");
    static final String DINGTALK_SECRET = "SEC0123456789abcdef";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ObjectMapper json = Jackson.newObjectMapper();
    private Jdbi jdbi;
    private WebhookReceiver receiver;
    private MovableClock clock;
    private Alerts alerts;

    @BeforeEach
    void setUp() throws Exception {
        jdbi = TestPostgres.newDatabase().jdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('dept-a', '市测试局', 'DEPARTMENT', "
                    + "'DEPARTMENTS'), ('dept-b', '市样例局', 'DEPARTMENT', 'DEPARTMENTS')");
            h.execute("INSERT INTO liaisons (unit_code, name, phone, email, since) VALUES ('dept-a', '张三', "
                    + "'13800000000', 'liaison@dept-a.test', '2024-01-01')");
        });
        receiver = new WebhookReceiver();
        clock = new MovableClock(MORNING, ZONE);
    }

    @AfterEach
    void tearDown() {
        if (alerts != null) {
            alerts.close();
        }
        receiver.close();
    }

    private AlertsConfiguration config(DeliveryMode office, AlertsConfiguration.QuietHours quiet,
                                       List<AlertsConfiguration.Webhook> webhooks) {
        return new AlertsConfiguration("http://monitor.city.test/",
                new AlertsConfiguration.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), "SMTP", null, null,
                        "monitor@city.test", null),
                new AlertsConfiguration.Liaisons(true, DeliveryMode.IMMEDIATE),
                List.of(new AlertsConfiguration.Email("office@city.test", office)), webhooks, quiet,
                LocalTime.of(8, 30), new AlertsConfiguration.Retry(5, Duration.minutes(1), Duration.hours(1)),
                Duration.seconds(5), 65_536);
    }

    private Alerts start(AlertsConfiguration config) {
        alerts = new Alerts(jdbi, config, null, json, clock, ZONE);
        return alerts;
    }

    static AlertEvent veto(String unit, LocalDate evidenceDate) {
        return AlertEvent.ofFinding(new AlertRow(LocalDate.of(2024, 7, 1), unit, "市测试局", PeerGroup.DEPARTMENTS,
                new Finding("homepage_freshness", FindingKind.VETO, 0, "首页最新信息 " + evidenceDate,
                        "超过 14 天未更新即否决", "首页超过 14 天未更新", "请每周更新首页信息", "http://www.dept-a.test/",
                        new Evidence("http://www.dept-a.test/", evidenceDate, 200, null))));
    }

    static AlertEvent warning(String unit, String page) {
        return AlertEvent.ofFinding(new AlertRow(LocalDate.of(2024, 7, 1), unit, "市样例局", PeerGroup.DEPARTMENTS,
                new Finding("broken_links", FindingKind.WARNING, 0, "链接失效", "出现失效链接即预警", "栏目页链接失效",
                        "请修复链接", "http://www.dept-b.test/", new Evidence(page, null, 404, null))));
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<Delivery> log() {
        return alerts.deliveries(null, null, 100);
    }

    @Nested
    class Email {

        @Test
        void raise_newVeto_liaisonAndOfficeGetChineseMailWithEvidence() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));

            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)))).isEqualTo(2);
            alerts.deliverDue();

            List<MimeMessage> liaison = mailTo("liaison@dept-a.test");
            assertThat(liaison).hasSize(1);
            MimeMessage mail = liaison.get(0);
            assertThat(mail.getSubject()).isEqualTo("【政务网站监测】市测试局：新增单项否决 — 首页超过 14 天未更新");
            assertThat(mail.getFrom()[0].toString()).contains("monitor@city.test");
            String body = text(mail.getContent());
            assertThat(body).contains("单位：市测试局（dept-a）", "事项：新增单项否决", "标准：超过 14 天未更新即否决",
                    "证据：网址 http://www.dept-a.test/；日期 2024-06-10；HTTP 状态 200", "整改建议：请每周更新首页信息",
                    "查看详情：http://monitor.city.test/office.html#unit/dept-a");
            assertThat(mailTo("office@city.test")).hasSize(1);
            assertThat(log()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
            assertThat(log()).extracting(Delivery::attempts).containsOnly(1);
        }

        @Test
        void raise_unitWithoutLiaison_onlyOfficeMailed() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            assertThat(alerts.raise(veto("dept-b", LocalDate.of(2024, 6, 10)))).isEqualTo(1);
            alerts.deliverDue();
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            assertThat(mailTo("office@city.test")).hasSize(1);
        }
    }

    @Nested
    class Webhooks {

        @Test
        void deliver_moreWarningsQueuedThanABatch_aLaterVetoAndSiteDownGoInTheFirstBatch() throws Exception {
            // the office's mail is a digest (not due now), so each warning queues one webhook delivery
            alerts = new Alerts(jdbi, config(DeliveryMode.DIGEST, null, List.of(
                    new AlertsConfiguration.Webhook("工单系统", Channel.JSON, receiver.url("/json"), null, null))),
                    null, json, clock, ZONE, 5);
            for (int i = 0; i < 8; i++) {
                alerts.raise(warning("dept-b", "http://www.dept-b.test/list/" + i + ".html"));
            }
            clock.advance(java.time.Duration.ofSeconds(1));
            alerts.raise(veto("dept-b", LocalDate.of(2024, 6, 10)));
            alerts.raise(AlertEvent.siteDown("dept-b", "http://www.dept-b.test/", clock.instant(), 503, null, ZONE));

            alerts.deliverDue();

            assertThat(receiver.received("/json")).anySatisfy(r -> assertThat(r.body()).contains("新增单项否决"))
                    .anySatisfy(r -> assertThat(r.body()).contains("网站首页无法访问"));
            assertThat(log()).filteredOn(d -> d.channel() == Channel.JSON && d.status() == DeliveryStatus.PENDING)
                    .isNotEmpty(); // the batch was full: some warnings wait for the next run
        }

        @Test
        void deliver_weComDingTalkJson_eachInItsFormat_dingTalkSigned() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of(
                    new AlertsConfiguration.Webhook("值班群", Channel.WECOM, receiver.url("/wecom"), null, null),
                    new AlertsConfiguration.Webhook("钉钉群", Channel.DINGTALK, receiver.url("/dingtalk?access_token=t"),
                            DINGTALK_SECRET, null),
                    new AlertsConfiguration.Webhook("工单系统", Channel.JSON, receiver.url("/json"), null, null))));

            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));
            alerts.deliverDue();

            JsonNode wecom = json.readTree(receiver.received("/wecom").get(0).body());
            assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
            assertThat(wecom.path("markdown").path("content").asText()).startsWith("### 市测试局：新增单项否决")
                    .contains("证据：网址 http://www.dept-a.test/；日期 2024-06-10；HTTP 状态 200")
                    .contains("[查看详情](http://monitor.city.test/office.html#unit/dept-a)");

            WebhookReceiver.Received ding = receiver.received("/dingtalk").get(0);
            JsonNode dingBody = json.readTree(ding.body());
            assertThat(dingBody.path("msgtype").asText()).isEqualTo("markdown");
            assertThat(dingBody.path("markdown").path("title").asText()).contains("新增单项否决");
            assertThat(dingBody.path("markdown").path("text").asText()).contains("单位：市测试局（dept-a）");
            Map<String, String> query = query(ding.query());
            assertThat(query).containsEntry("access_token", "t").containsEntry("timestamp",
                    Long.toString(MORNING.toEpochMilli()));
            // DingTalk's check: Base64(HmacSHA256(secret, timestamp + "\n" + secret)), computed here independently
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String expected = java.util.Base64.getEncoder().encodeToString(mac.doFinal(
                    (MORNING.toEpochMilli() + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
            assertThat(query.get("sign")).isEqualTo(expected);

            WebhookReceiver.Received plain = receiver.received("/json").get(0);
            assertThat(plain.contentType()).startsWith("application/json");
            JsonNode body = json.readTree(plain.body());
            assertThat(body.path("kind").asText()).isEqualTo("NEW_VETO");
            assertThat(body.path("unitCode").asText()).isEqualTo("dept-a");
            assertThat(body.path("subject").asText()).contains("市测试局");
            assertThat(body.path("link").asText()).isEqualTo("http://monitor.city.test/office.html#unit/dept-a");

            assertThat(log()).filteredOn(d -> d.channel() != Channel.EMAIL).extracting(Delivery::recipient)
                    .containsExactlyInAnyOrder("值班群", "钉钉群", "工单系统");
        }

        @Test
        void deliver_receiverFailsTwice_retriedWithBackoffThenSent_visibleInLog() {
            start(config(DeliveryMode.IMMEDIATE, null, List.of(
                    new AlertsConfiguration.Webhook("值班群", Channel.WECOM, receiver.url("/wecom"), null, null))));
            receiver.answer(503, 503);
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));

            alerts.deliverDue();
            Delivery first = robot();
            assertThat(first.status()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).contains("HTTP 503").contains("服务暂不可用");
            assertThat(first.dueAt()).isEqualTo(MORNING.plusSeconds(60));

            alerts.deliverDue(); // before the backoff: nothing is tried
            assertThat(receiver.received("/wecom")).hasSize(1);

            clock.advance(java.time.Duration.ofMinutes(1));
            alerts.deliverDue();
            assertThat(robot().attempts()).isEqualTo(2);
            assertThat(robot().dueAt()).isEqualTo(clock.instant().plusSeconds(120));

            clock.advance(java.time.Duration.ofMinutes(2));
            alerts.deliverDue();
            Delivery done = robot();
            assertThat(done.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(done.attempts()).isEqualTo(3);
            assertThat(done.lastError()).isNull();
            assertThat(receiver.received("/wecom")).hasSize(3);
        }

        @Test
        void deliver_receiverKeepsFailing_failedAfterMaxAttempts() {
            AlertsConfiguration c = config(DeliveryMode.IMMEDIATE, null, List.of(
                    new AlertsConfiguration.Webhook("工单系统", Channel.JSON, receiver.url("/json"), null, null)));
            start(new AlertsConfiguration(c.dashboardUrl(), c.smtp(), c.liaisons(), c.officeEmails(), c.webhooks(),
                    null, c.digestAt(), new AlertsConfiguration.Retry(2, Duration.minutes(1), Duration.hours(1)),
                    c.webhookTimeout(), c.maxResponseBytes()));
            receiver.answer(500, 500, 500);
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));
            alerts.deliverDue();
            clock.advance(java.time.Duration.ofMinutes(1));
            alerts.deliverDue();
            clock.advance(java.time.Duration.ofHours(2));
            alerts.deliverDue();
            assertThat(robot().status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(robot().attempts()).isEqualTo(2);
            assertThat(receiver.received("/json")).hasSize(2);
        }

        private Delivery robot() {
            return log().stream().filter(d -> d.channel() != Channel.EMAIL).findFirst().orElseThrow();
        }
    }

    @Nested
    class Dedupe {

        @Test
        void raise_sameProblemTwice_oneMessage() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)))).isEqualTo(2);
            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)))).isZero();
            alerts.deliverDue();
            assertThat(mailTo("liaison@dept-a.test")).hasSize(1);
        }

        @Test
        void raise_changedEvidence_newMessage() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));
            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 12)))).isEqualTo(2);
            alerts.deliverDue();
            assertThat(mailTo("liaison@dept-a.test")).hasSize(2);
            assertThat(text(mailTo("liaison@dept-a.test").get(1).getContent())).contains("日期 2024-06-12");
        }

        @Test
        void raise_overdueTask_onceUntilTheDeadlineMoves() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            AlertEvent overdue = AlertEvent.overdueTask("dept-a", "17", "首页长期未更新整改", LocalDate.of(2024, 6, 28),
                    LocalDate.of(2024, 7, 1), "http://www.dept-a.test/");
            assertThat(alerts.raise(overdue)).isEqualTo(2);
            assertThat(alerts.raise(overdue)).isZero();
            assertThat(alerts.raise(AlertEvent.overdueTask("dept-a", "17", "首页长期未更新整改",
                    LocalDate.of(2024, 7, 5), LocalDate.of(2024, 7, 6), "http://www.dept-a.test/"))).isEqualTo(2);
            alerts.deliverDue();
            List<MimeMessage> liaison = mailTo("liaison@dept-a.test");
            assertThat(liaison).hasSize(2);
            assertThat(liaison.get(0).getSubject()).isEqualTo("【政务网站监测】市测试局：整改任务逾期 — 整改任务已逾期：首页长期未更新整改");
            assertThat(text(liaison.get(0).getContent())).contains("整改期限：2024-06-28", "任务编号：17",
                    "证据：网址 http://www.dept-a.test/；日期 2024-06-28");
        }

        @Test
        void reconcile_listedOnceClearedWhenGoneAnnouncedOnReturn() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            AlertEvent overdue = AlertEvent.overdueTask("dept-a", "5", "首页更新：首页超过 14 天未更新",
                    LocalDate.of(2024, 6, 28), LocalDate.of(2024, 7, 1), null);
            assertThat(alerts.reconcile(AlertKind.OVERDUE_TASK, List.of(overdue))).contains("排队消息 2 条");
            assertThat(alerts.reconcile(AlertKind.OVERDUE_TASK, List.of(overdue))).contains("排队消息 0 条");
            assertThat(alerts.reconcile(AlertKind.OVERDUE_TASK, List.of())).contains("已消除 1 项");
            assertThat(alerts.reconcile(AlertKind.OVERDUE_TASK, List.of(overdue))).contains("排队消息 2 条");
            alerts.deliverDue();
            assertThat(mailTo("liaison@dept-a.test")).hasSize(2);
        }

        @Test
        void raise_afterClear_announcedAgain() {
            start(config(DeliveryMode.IMMEDIATE, null, List.of()));
            AlertEvent event = veto("dept-a", LocalDate.of(2024, 6, 10));
            alerts.raise(event);
            alerts.clear("dept-a", AlertKind.NEW_VETO, event.problem());
            assertThat(alerts.raise(event)).isEqualTo(2);
        }
    }

    @Nested
    class Timing {

        @Test
        void quietHours_immediateHeldUntilWindowEnds_thenSent() throws Exception {
            start(config(DeliveryMode.IMMEDIATE, new AlertsConfiguration.QuietHours(LocalTime.of(22, 0),
                    LocalTime.of(7, 0)), List.of()));
            clock.set(Instant.parse("2024-07-01T15:30:00Z")); // 23:30 in the city
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));

            alerts.deliverDue();
            assertThat(MAIL.getReceivedMessages()).isEmpty();
            assertThat(log()).extracting(Delivery::status).containsOnly(DeliveryStatus.HELD);
            assertThat(log()).extracting(Delivery::dueAt).containsOnly(Instant.parse("2024-07-01T23:00:00Z"));

            clock.set(Instant.parse("2024-07-01T22:59:00Z")); // 06:59: still quiet, nothing due
            alerts.deliverDue();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            clock.set(Instant.parse("2024-07-01T23:00:00Z")); // 07:00
            alerts.deliverDue();
            assertThat(MAIL.getReceivedMessages()).hasSize(2);
            assertThat(log()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
        }

        @Test
        void digest_officeGetsOneMessageAtDigestHour_liaisonImmediately() throws Exception {
            start(config(DeliveryMode.DIGEST, null, List.of()));
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));
            alerts.raise(veto("dept-b", LocalDate.of(2024, 6, 11)));
            alerts.deliverDue();
            assertThat(mailTo("liaison@dept-a.test")).hasSize(1);
            assertThat(mailTo("office@city.test")).isEmpty();
            assertThat(log()).filteredOn(d -> d.recipient().equals("office@city.test"))
                    .extracting(Delivery::status).containsOnly(DeliveryStatus.DIGEST);

            clock.set(Instant.parse("2024-07-02T00:30:00Z")); // 08:30 next day
            alerts.deliverDue();
            List<MimeMessage> office = mailTo("office@city.test");
            assertThat(office).hasSize(1);
            assertThat(office.get(0).getSubject()).isEqualTo("【政务网站监测】每日告警汇总（2 条）");
            assertThat(text(office.get(0).getContent())).contains("市测试局：新增单项否决", "市样例局：新增单项否决",
                    "日期 2024-06-11");
            assertThat(log()).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
        }
    }

    @Nested
    class OptOuts {

        @Test
        void optOut_unitGetsNoMessages_waitingOnesCancelled_optInRestores() {
            start(config(DeliveryMode.DIGEST, null, List.of()));
            alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 10)));
            alerts.optOut("dept-a", "test-office");

            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 12)))).isZero();
            assertThat(log()).extracting(Delivery::status).containsOnly(DeliveryStatus.CANCELLED);
            assertThat(alerts.optOuts()).extracting(OptOut::unitCode, OptOut::byUser)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dept-a", "test-office"));
            alerts.deliverDue();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            alerts.optIn("dept-a");
            assertThat(alerts.optOuts()).isEmpty();
            assertThat(alerts.raise(veto("dept-a", LocalDate.of(2024, 6, 13)))).isEqualTo(2);
        }
    }

    @Test
    void sendTest_everyOfficeRecipientAtOnce() throws Exception {
        start(config(DeliveryMode.DIGEST, new AlertsConfiguration.QuietHours(LocalTime.of(0, 0), LocalTime.of(23, 59)),
                List.of(new AlertsConfiguration.Webhook("值班群", Channel.WECOM, receiver.url("/wecom"), null, null))));
        List<Delivery> sent = alerts.sendTest("test-office");
        assertThat(sent).extracting(Delivery::status).containsOnly(DeliveryStatus.SENT);
        assertThat(mailTo("office@city.test").get(0).getSubject()).isEqualTo("【政务网站监测】测试消息");
        assertThat(receiver.received("/wecom")).hasSize(1);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
