package org.egovmonitor.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import java.net.URI;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code alerts:} block of config.yml (every key documented there and in docs/alerts.md). Nothing is sent until
 * an SMTP host or a webhook is configured: without a host no e-mail recipient exists, without webhooks no robot.
 *
 * @param dashboardUrl     the dashboards' address as recipients reach it; messages link to it
 * @param smtp             the mail server; absent or without host: no e-mail
 * @param liaisons         whether and how each unit's current liaison officer is mailed
 * @param officeEmails     the office's addresses, each immediate or digest
 * @param webhooks         group robots and JSON receivers of the office, each immediate or digest
 * @param quietHours       a daily window without immediate sends (held and sent at its end); absent: none
 * @param digestAt         when the daily digests go out (city time)
 * @param retry            attempts and backoff of a failing delivery
 * @param webhookTimeout   the whole call's time limit for one webhook request
 * @param maxResponseBytes how much of a webhook's answer is read at most
 */
public record AlertsConfiguration(String dashboardUrl, Smtp smtp, Liaisons liaisons, List<Email> officeEmails,
                                  List<Webhook> webhooks, QuietHours quietHours, LocalTime digestAt, Retry retry,
                                  Duration webhookTimeout, Integer maxResponseBytes) {

    public AlertsConfiguration {
        dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? "http://localhost:8080/"
                : dashboardUrl.endsWith("/") ? dashboardUrl : dashboardUrl + "/";
        liaisons = liaisons == null ? new Liaisons(true, DeliveryMode.IMMEDIATE) : liaisons;
        officeEmails = officeEmails == null ? List.of() : List.copyOf(officeEmails);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        digestAt = digestAt == null ? LocalTime.of(8, 30) : digestAt;
        retry = retry == null ? new Retry(null, null, null) : retry;
        webhookTimeout = webhookTimeout == null ? Duration.seconds(10) : webhookTimeout;
        maxResponseBytes = maxResponseBytes == null ? 65_536 : maxResponseBytes;
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("alerts.maxResponseBytes 必须是正整数");
        }
        Set<String> names = new HashSet<>();
        for (Webhook w : webhooks) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("alerts.webhooks 名称重复：" + w.name());
            }
        }
    }

    /** Nothing configured: no recipient at all. */
    public static AlertsConfiguration disabled() {
        return new AlertsConfiguration(null, null, null, null, null, null, null, null, null, null);
    }

    /** The mail server, when a host is set. */
    public Optional<Smtp> mailServer() {
        return smtp == null || smtp.host() == null || smtp.host().isBlank() ? Optional.empty() : Optional.of(smtp);
    }

    public Optional<Webhook> webhook(String name) {
        return webhooks.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** SMTP settings; {@code transport} is SMTP (plain, STARTTLS when offered), SMTP_TLS (STARTTLS required) or SMTPS. */
    public record Smtp(String host, Integer port, String transport, String username, String password, String from,
                       String fromName) {
        public Smtp {
            transport = transport == null ? "SMTP" : transport.toUpperCase(Locale.ROOT);
            if (!List.of("SMTP", "SMTP_TLS", "SMTPS").contains(transport)) {
                throw new IllegalArgumentException("alerts.smtp.transport 只能是 SMTP、SMTP_TLS 或 SMTPS：" + transport);
            }
            port = port == null ? ("SMTPS".equals(transport) ? 465 : 25) : port;
            fromName = fromName == null ? "政务网站监测" : fromName;
            if (host != null && !host.isBlank() && (from == null || from.isBlank())) {
                throw new IllegalArgumentException("alerts.smtp.from 必须填写发件地址");
            }
        }
    }

    /** The current liaison officer of the unit an alert concerns. */
    public record Liaisons(Boolean email, DeliveryMode delivery) {
        public Liaisons {
            email = email == null || email;
            delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
        }
    }

    /** An office address: every unit's alerts. In config.yml an entry may also be the bare address (immediate). */
    public record Email(String address, DeliveryMode delivery) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Email of(String address) {
            return new Email(address, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Email(@JsonProperty("address") String address, @JsonProperty("delivery") DeliveryMode delivery) {
            if (address == null || !address.contains("@")) {
                throw new IllegalArgumentException("alerts.officeEmails 地址无效：" + address);
            }
            this.address = address;
            this.delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
        }
    }

    /**
     * A webhook receiving every unit's alerts. The delivery log names it by {@code name}, never by its URL (robot URLs
     * carry their access token). {@code secret} is DingTalk's 加签 secret (optional).
     */
    public record Webhook(String name, Channel format, String url, String secret, DeliveryMode delivery) {
        public Webhook {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("alerts.webhooks 每项必须有 name");
            }
            if (format == null || format == Channel.EMAIL) {
                throw new IllegalArgumentException("alerts.webhooks." + name + ".format 只能是 WECOM、DINGTALK 或 JSON");
            }
            String scheme = url == null ? null : URI.create(url).getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("alerts.webhooks." + name + ".url 必须是 http(s) 地址");
            }
            delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
        }
    }

    /** A daily window in city time; it may run past midnight (22:00–07:00). */
    public record QuietHours(LocalTime start, LocalTime end) {
        public QuietHours {
            if (start == null || end == null || start.equals(end)) {
                throw new IllegalArgumentException("alerts.quietHours 需要不同的 start 和 end");
            }
        }
    }

    /** A failed delivery is tried again after firstBackoff, doubling up to maxBackoff, maxAttempts times in all. */
    public record Retry(Integer maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public Retry {
            maxAttempts = maxAttempts == null ? 5 : maxAttempts;
            firstBackoff = firstBackoff == null ? Duration.minutes(1) : firstBackoff;
            maxBackoff = maxBackoff == null ? Duration.hours(1) : maxBackoff;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("alerts.retry.maxAttempts 必须是正整数");
            }
        }
    }
}
