package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks the warnings and vetoes of a day that the previous stored day did not have, so the office sees at a glance
 * what appeared since yesterday. A finding is the same when its unit, indicator, kind and site are: its wording and
 * observed figures change from day to day (an age in days grows) and must not make an old problem look new; a
 * warning that became a veto is new as a veto.
 */
final class NewFindings {

    private NewFindings() {
    }

    private record Key(String unitCode, String indicator, FindingKind kind, String siteUrl) {
        static Key of(AlertRow row) {
            return new Key(row.unitCode(), row.finding().indicator(), row.finding().kind(), row.finding().siteUrl());
        }
    }

    /**
     * {@code today}'s rows with {@code previousDay} and isNew set against {@code before} (the previous day's rows
     * under the same filters). Without a previous day nothing is marked new.
     */
    static List<AlertRow> mark(List<AlertRow> today, LocalDate previousDay, List<AlertRow> before) {
        Set<Key> known = new HashSet<>();
        before.forEach(r -> known.add(Key.of(r)));
        return today.stream().map(r -> new AlertRow(r.day(), r.unitCode(), r.unitName(), r.peerGroup(), r.finding(),
                previousDay, previousDay != null && !known.contains(Key.of(r)))).toList();
    }
}
