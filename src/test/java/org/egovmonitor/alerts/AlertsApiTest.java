package org.egovmonitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.OfficeApi;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The office's alerts API on the running app (config.yml with an SMTP server and one office address). */
@ExtendWith(DropwizardExtensionsSupport.class)
class AlertsApiTest {

    static final GreenMail MAIL = MailedApp.startMail();
    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = MailedApp.app(MAIL);
    static final OfficeApi API = new OfficeApi(APP);

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void test_sendsToOfficeAddress_loggedAndExportedWithChineseHeaders() throws Exception {
        JsonNode sent = API.post("/api/alerts/test", Map.of(), 200);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("status").asText()).isEqualTo("SENT");
        assertThat(sent.get(0).path("recipient").asText()).isEqualTo("office@city.test");
        assertThat(MAIL.getReceivedMessages()).extracting(m -> m.getSubject()).contains("【政务网站监测】测试消息");

        JsonNode log = API.get("/api/alerts/deliveries?status=sent", 200);
        assertThat(log.get(0).path("kind").asText()).isEqualTo("TEST");

        Response csv = API.request("/api/alerts/deliveries.csv").get();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getHeaderString("Content-Disposition")).contains("alert-deliveries.csv");
        String text = new String(csv.readEntity(byte[].class), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编号,生成时间,单位编码,单位名称,事项,渠道,接收方,方式,标题,状态,尝试次数,最近错误,发送时间");
        assertThat(text).contains("测试消息,电子邮件,office@city.test,即时,【政务网站监测】测试消息,已发送,1");
    }

    @Test
    void optOuts_putListDelete_unknownUnit404() {
        API.post("/api/units", Map.of("code", "t-alert", "name", "告警测试局", "kind", "DEPARTMENT"), 201);
        JsonNode after = API.put("/api/alerts/opt-outs/t-alert", Map.of(), 200);
        assertThat(after).anySatisfy(o -> {
            assertThat(o.path("unitCode").asText()).isEqualTo("t-alert");
            assertThat(o.path("unitName").asText()).isEqualTo("告警测试局");
            assertThat(o.path("byUser").asText()).isEqualTo(TestApp.OFFICE_USER);
        });
        assertThat(API.get("/api/alerts/opt-outs", 200).findValuesAsText("unitCode")).contains("t-alert");
        JsonNode removed = API.json(API.api("/api/alerts/opt-outs/t-alert").delete(), 200);
        assertThat(removed.findValuesAsText("unitCode")).doesNotContain("t-alert");
        assertThat(API.put("/api/alerts/opt-outs/no-such-unit", Map.of(), 404).path("message").asText())
                .contains("单位不存在");
    }

    @Test
    void deliveries_badStatus_422_anonymous_401() {
        API.get("/api/alerts/deliveries?status=nope", 422);
        Response anonymous = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/alerts/deliveries")
                .request().get();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        Response test = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/alerts/test")
                .request().post(Entity.json("{}"));
        assertThat(test.getStatus()).isIn(401, 403);
    }
}
