package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alerts: block as config.yml spells it (the example of docs/alerts.md), and what it refuses. */
class AlertsConfigurationTest {

    private final ObjectMapper yaml = Jackson.newObjectMapper(new YAMLFactory());

    @Test
    void parse_documentedExample_everyPart() throws Exception {
        AlertsConfiguration c = yaml.readValue("""
                dashboardUrl: https://monitor.example.gov.cn
                smtp: {host: smtp.example.gov.cn, port: 465, transport: smtps, from: monitor@example.gov.cn}
                liaisons: {email: true, delivery: DIGEST}
                officeEmails: [office@example.gov.cn, {address: chief@example.gov.cn, delivery: DIGEST}]
                webhooks:
                  - {name: 值班群, format: WECOM, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"}
                  - {name: 钉钉群, format: DINGTALK, url: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: S}
                quietHours: {start: "22:00", end: "07:00"}
                digestAt: "08:30"
                retry: {maxAttempts: 3, firstBackoff: 2m, maxBackoff: 1h}
                webhookTimeout: 10s
                """, AlertsConfiguration.class);
        assertThat(c.dashboardUrl()).isEqualTo("https://monitor.example.gov.cn/");
        assertThat(c.mailServer()).hasValueSatisfying(s -> {
            assertThat(s.transport()).isEqualTo("SMTPS");
            assertThat(s.fromName()).isEqualTo("政务网站监测");
        });
        assertThat(c.liaisons().delivery()).isEqualTo(DeliveryMode.DIGEST);
        assertThat(c.officeEmails()).extracting(AlertsConfiguration.Email::delivery)
                .containsExactly(DeliveryMode.IMMEDIATE, DeliveryMode.DIGEST);
        assertThat(c.webhook("钉钉群")).hasValueSatisfying(w -> assertThat(w.secret()).isEqualTo("S"));
        assertThat(c.quietHours().start()).isEqualTo(LocalTime.of(22, 0));
        assertThat(c.retry().firstBackoff().toSeconds()).isEqualTo(120);
        assertThat(c.maxResponseBytes()).isEqualTo(65_536);
    }

    @Test
    void parse_empty_sendsNothing() throws Exception {
        AlertsConfiguration c = yaml.readValue("smtp: {host: ''}\n", AlertsConfiguration.class);
        assertThat(c.mailServer()).isEmpty();
        assertThat(c.webhooks()).isEmpty();
        assertThat(c.quietHours()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "smtp: {host: mail.test}|alerts.smtp.from 必须填写发件地址",
            "smtp: {host: mail.test, from: a@b.test, transport: POP3}|alerts.smtp.transport",
            "webhooks: [{name: a, format: EMAIL, url: 'http://x.test/'}]|format 只能是",
            "webhooks: [{name: a, format: JSON, url: 'ftp://x.test/'}]|必须是 http(s) 地址",
            "webhooks: [{name: a, format: JSON, url: 'http://x.test/'}, {name: a, format: WECOM, url: 'http://y.test/'}]"
                    + "|名称重复",
            "officeEmails: [not-an-address]|地址无效",
            "quietHours: {start: '22:00', end: '22:00'}|不同的 start 和 end",
            "retry: {maxAttempts: 0}|maxAttempts 必须是正整数"
    })
    void parse_invalid_refusedWithChineseReason(String text, String reason) {
        assertThatThrownBy(() -> yaml.readValue(text, AlertsConfiguration.class)).hasMessageContaining(reason);
    }
}
