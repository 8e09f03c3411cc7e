package org.egovmonitor.alerts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.egovmonitor.scoring.AlertRow;

/** What is new between two observations of the same problems. Pure. */
final class ProblemChanges {

    private ProblemChanges() {
    }

    /**
     * The vetoes and warnings of {@code current} that {@code previous} did not have as they are now (new, or with
     * other evidence); one event per problem.
     */
    static List<AlertEvent> newFindings(List<AlertRow> previous, List<AlertRow> current) {
        Set<String> before = new HashSet<>();
        for (AlertRow row : previous) {
            AlertEvent e = AlertEvent.ofFinding(row);
            before.add(key(e) + "\n" + e.fingerprint());
        }
        Map<String, AlertEvent> fresh = new LinkedHashMap<>();
        for (AlertRow row : current) {
            AlertEvent e = AlertEvent.ofFinding(row);
            if (!before.contains(key(e) + "\n" + e.fingerprint())) {
                fresh.putIfAbsent(key(e), e);
            }
        }
        return new ArrayList<>(fresh.values());
    }

    /** The problem keys of a day's vetoes and warnings: what is still open. */
    static Set<String> openKeys(List<AlertRow> current) {
        Set<String> keys = new HashSet<>();
        current.forEach(row -> keys.add(key(AlertEvent.ofFinding(row))));
        return keys;
    }

    /** Homepages whose latest probe failed after a successful one. */
    static List<AlertEvent> wentDown(List<AlertDao.ProbePair> probes, ZoneId zone) {
        List<AlertEvent> down = new ArrayList<>();
        for (AlertDao.ProbePair p : probes) {
            if (!p.up() && Boolean.TRUE.equals(p.previousUp())) {
                down.add(AlertEvent.siteDown(p.unitCode(), p.url(), p.probedAt(), p.status(), p.errorKind(), zone));
            }
        }
        return down;
    }

    static String key(AlertEvent e) {
        return key(e.unitCode(), e.kind(), e.problem());
    }

    static String key(String unitCode, AlertKind kind, String problem) {
        return unitCode + " " + kind + " " + problem;
    }
}
