package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * POST /api/scoring/what-if: score a day with other weights and thresholds, saving nothing.
 *
 * @param date       the day (default: the latest snapshot day, or today when there is none)
 * @param weights    indicator id → weight
 * @param thresholds indicator id → param key → value (keys as in crawlers/indicators.yml params)
 */
public record WhatIfRequest(LocalDate date, Map<String, Double> weights, Map<String, Map<String, Double>> thresholds) {
}
