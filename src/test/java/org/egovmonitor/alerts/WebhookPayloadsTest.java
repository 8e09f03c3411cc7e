package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookPayloadsTest {

    private final ObjectMapper json = Jackson.newObjectMapper();
    private final AlertMessage message = new AlertMessage("【政务网站监测】市测试局：新增预警 — 首页 10 天未更新",
            "单位：市测试局（dept-a）\n事项：新增预警", "http://monitor.test/office.html#unit/dept-a");

    @Test
    void body_weCom_markdownContent() throws Exception {
        JsonNode body = json.readTree(WebhookPayloads.body(json, Channel.WECOM, message, "NEW_WARNING", "dept-a"));
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText()).isEqualTo("""
                ### 市测试局：新增预警 — 首页 10 天未更新

                单位：市测试局（dept-a）

                事项：新增预警

                [查看详情](http://monitor.test/office.html#unit/dept-a)""");
    }

    @Test
    void body_dingTalk_titleAndText() throws Exception {
        JsonNode body = json.readTree(WebhookPayloads.body(json, Channel.DINGTALK, message, "NEW_WARNING", "dept-a"));
        assertThat(body.path("markdown").path("title").asText()).isEqualTo(message.subject());
        assertThat(body.path("markdown").path("text").asText()).isEqualTo(message.markdown());
        assertThat(body.has("kind")).isFalse();
    }

    @Test
    void body_json_fieldsOfTheAlert() throws Exception {
        JsonNode body = json.readTree(WebhookPayloads.body(json, Channel.JSON, message, "NEW_WARNING", "dept-a"));
        assertThat(body.path("kind").asText()).isEqualTo("NEW_WARNING");
        assertThat(body.path("unitCode").asText()).isEqualTo("dept-a");
        assertThat(body.path("text").asText()).isEqualTo(message.body());
    }

    /** The example of DingTalk's documentation style, checked against an independent HMAC computation. */
    @ParameterizedTest
    @CsvSource({"1700000000000, SECabc", "1, S"})
    void dingTalkSign_base64HmacOfTimestampAndSecret(long timestamp, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookPayloads.dingTalkSign(timestamp, secret)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} chars of 3-byte text, cap {1}")
    @CsvSource({"10, 100, false", "2000, 4000, true", "1333, 4000, false"})
    void truncate_neverOverCapNeverSplitsACharacter(int chars, int cap, boolean cut) {
        String text = "政".repeat(chars);
        String out = WebhookPayloads.truncate(text, cap);
        assertThat(out.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(cap);
        assertThat(out.endsWith("（内容过长，已截断）")).isEqualTo(cut);
        assertThat(out.replace("\n…（内容过长，已截断）", "")).matches("政*");
    }
}
