package org.egovmonitor.alerts;

import java.time.Instant;

/** One message to one recipient, as the delivery log shows it. {@code recipient} is an address or a webhook's name. */
public record Delivery(long id, String unitCode, String unitName, AlertKind kind, String problem, Channel channel,
                       String recipient, DeliveryMode mode, String subject, String body, String link,
                       DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant dueAt,
                       Instant sentAt) {
}
