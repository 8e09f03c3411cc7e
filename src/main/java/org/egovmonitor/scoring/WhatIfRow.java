package org.egovmonitor.scoring;

import org.egovmonitor.registry.PeerGroup;

/** A unit under the what-if rules next to the current rules (both computed from the same evidence). */
public record WhatIfRow(PeerGroup peerGroup, String unitCode, String unitName, double baselineTotal,
                        Integer baselineRank, Grade baselineGrade, double total, Integer rank, Grade grade,
                        boolean vetoed, String bottleneck) {
}
