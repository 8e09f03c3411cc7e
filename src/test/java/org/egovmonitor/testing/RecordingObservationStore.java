package org.egovmonitor.testing;

import java.time.Instant;
import org.egovmonitor.core.observations.ObservationStore;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.jdbi.v3.core.Jdbi;

/**
 * Scheduling-test double of the observation store, with the same contract as the real one (one row per task key,
 * a second save of a key stores nothing and returns false) plus a count of save calls per key, so tests can tell
 * "stored once" from "measured once". Its table lives only in test databases.
 */
public final class RecordingObservationStore implements ObservationStore {

    private final Jdbi jdbi;

    public RecordingObservationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        createTable(jdbi);
    }

    /** Tests call it before starting nodes; concurrent CREATE ... IF NOT EXISTS can still collide. */
    public static void createTable(Jdbi jdbi) {
        try {
            jdbi.useHandle(h -> h.execute("""
                    CREATE TABLE IF NOT EXISTS test_observations (
                        task_key    TEXT PRIMARY KEY,
                        site_id     BIGINT      NOT NULL,
                        reachable   BOOLEAN     NOT NULL,
                        status      INTEGER     NOT NULL,
                        measured_at TIMESTAMPTZ NOT NULL,
                        saves       INTEGER     NOT NULL DEFAULT 1)
                    """));
        } catch (RuntimeException e) {
            // another node created it at the same moment
        }
    }

    @Override
    public boolean save(String taskKey, long siteId, SiteMeasurement m, Instant measuredAt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO test_observations (task_key, site_id, reachable, status, measured_at)
                        VALUES (:key, :site, :reachable, :status, :at)
                        ON CONFLICT (task_key) DO UPDATE SET saves = test_observations.saves + 1
                        RETURNING (xmax = 0) AS inserted
                        """)
                .bind("key", taskKey).bind("site", siteId).bind("reachable", m.reachable())
                .bind("status", m.status()).bind("at", measuredAt)
                .mapTo(Boolean.class).one());
    }
}
