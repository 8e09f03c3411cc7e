package org.egovmonitor.bulletins;

import java.time.LocalDate;

/**
 * POST /api/bulletins: which report to generate. A weekly, monthly or quarterly report covers the calendar period
 * containing {@code date} (default: the last period that has ended); a custom one covers {@code from} to {@code to}.
 */
public record GenerateRequest(BulletinKind kind, LocalDate date, LocalDate from, LocalDate to) {
}
