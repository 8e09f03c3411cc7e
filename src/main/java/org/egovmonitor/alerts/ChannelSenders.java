package org.egovmonitor.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.egovmonitor.platform.Failures;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/**
 * The real channels: e-mail through one Simple Java Mail mailer (when an SMTP host is configured) and webhooks through
 * one OkHttp client, with the configured call timeout, no redirects and a cap on how much of an answer is read.
 */
final class ChannelSenders implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final int SMTP_TIMEOUT_MS = 20_000;

    private final AlertsConfiguration config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Mailer mailer;
    private final OkHttpClient http;

    ChannelSenders(AlertsConfiguration config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.mailer = config.mailServer().map(ChannelSenders::mailer).orElse(null);
        long timeout = config.webhookTimeout().toMilliseconds();
        this.http = new OkHttpClient.Builder().callTimeout(timeout, TimeUnit.MILLISECONDS)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false).build();
    }

    private static Mailer mailer(AlertsConfiguration.Smtp smtp) {
        TransportStrategy transport = switch (smtp.transport()) {
            case "SMTPS" -> TransportStrategy.SMTPS;
            case "SMTP_TLS" -> TransportStrategy.SMTP_TLS;
            default -> TransportStrategy.SMTP;
        };
        return MailerBuilder.withSMTPServer(smtp.host(), smtp.port(), blankToNull(smtp.username()),
                        blankToNull(smtp.password()))
                .withTransportStrategy(transport).withSessionTimeout(SMTP_TIMEOUT_MS).buildMailer();
    }

    /**
     * Puts one message on its way, or says why it could not.
     *
     * @param recipient an e-mail address, or the name of a configured webhook
     * @param kind      the alert kind's constant, or {@code DIGEST}
     * @param unitCode  the unit, or null (digest, test)
     */
    void send(Channel channel, String recipient, AlertMessage message, String kind, String unitCode)
            throws DeliveryFailedException {
        if (channel == Channel.EMAIL) {
            mail(recipient, message);
        } else {
            AlertsConfiguration.Webhook hook = config.webhook(recipient)
                    .orElseThrow(() -> new DeliveryFailedException("接收端已不在配置中：" + recipient));
            post(hook, WebhookPayloads.body(json, hook.format(), message, kind, unitCode));
        }
    }

    private void mail(String address, AlertMessage message) throws DeliveryFailedException {
        if (mailer == null) {
            throw new DeliveryFailedException("未配置 SMTP 服务器（alerts.smtp.host）");
        }
        AlertsConfiguration.Smtp smtp = config.smtp();
        try {
            Email email = EmailBuilder.startingBlank().from(smtp.fromName(), smtp.from()).to(address)
                    .withSubject(message.subject()).withPlainText(message.text()).buildEmail();
            mailer.sendMail(email).join();
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("邮件发送失败：" + Failures.describe(e), e);
        }
    }

    private void post(AlertsConfiguration.Webhook hook, String body) throws DeliveryFailedException {
        HttpUrl url = HttpUrl.parse(hook.url());
        if (url == null) {
            throw new DeliveryFailedException("回调地址无效：" + hook.name());
        }
        if (hook.format() == Channel.DINGTALK && hook.secret() != null && !hook.secret().isBlank()) {
            long timestamp = clock.millis();
            url = url.newBuilder().addQueryParameter("timestamp", Long.toString(timestamp))
                    .addQueryParameter("sign", WebhookPayloads.dingTalkSign(timestamp, hook.secret())).build();
        }
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            String answer = readCapped(response.body().source(), config.maxResponseBytes());
            if (!response.isSuccessful()) {
                throw new DeliveryFailedException("接收端返回 HTTP " + response.code() + abbreviate(answer));
            }
            if (hook.format() != Channel.JSON) {
                checkRobotAnswer(answer);
            }
        } catch (IOException e) {
            throw new DeliveryFailedException("回调请求失败：" + Failures.describe(e), e);
        }
    }

    /** WeCom and DingTalk answer HTTP 200 with {@code errcode} non-zero when they refuse a message. */
    private void checkRobotAnswer(String answer) throws DeliveryFailedException {
        JsonNode node;
        try {
            node = json.readTree(answer);
        } catch (IOException e) {
            return; // not JSON: the HTTP status already said it arrived
        }
        if (node != null && node.has("errcode") && node.get("errcode").asInt() != 0) {
            throw new DeliveryFailedException("机器人拒收：errcode " + node.get("errcode").asText() + " "
                    + node.path("errmsg").asText(""));
        }
    }

    private static String readCapped(BufferedSource source, int maxBytes) throws IOException {
        Buffer buffer = new Buffer();
        while (buffer.size() <= maxBytes && source.read(buffer, 8192) != -1) {
            // read on until the cap or the end
        }
        long keep = Math.min(buffer.size(), maxBytes);
        return buffer.readString(keep, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String answer) {
        String s = answer.strip();
        return s.isEmpty() ? "" : "：" + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void close() {
        if (mailer != null) {
            mailer.shutdownConnectionPool();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
