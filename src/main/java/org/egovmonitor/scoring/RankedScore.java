package org.egovmonitor.scoring;

/**
 * A unit's score with its place among its peers.
 *
 * @param rank       competition rank within the peer group (ties share a rank: 1, 1, 3); null when 未评定
 * @param rankChange previous rank − this rank (positive = moved up); null without a previous rank
 */
public record RankedScore(UnitScore score, Integer rank, Integer rankChange) {
}
