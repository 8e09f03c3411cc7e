-- Retention (issue 13): the bulky raw rows of a measurement — list entries (measurement_items), fetch records
-- (measurement_fetches) and homepage link checks (measurement_link_checks) — are kept retention.rawDays days. Older
-- ones are rolled up into one row per site and measurement day here, then deleted in batches (RetentionService).
-- The measurements row itself and its sections, sub-columns and messages stay: scoring judges them, and they are
-- small. Scores, snapshots and findings are never touched.

CREATE TABLE site_daily_facts (
    site_id             BIGINT      NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- measurements.measured_on of the rolled-up measurements
    day                 DATE        NOT NULL,
    measurements        INTEGER     NOT NULL,
    -- The day's last measurement (by measured_at, id). Scoring of any day only ever reads the last measurement of
    -- some measurement day, so this is the one whose link-check verdicts must survive (last_broken).
    last_measurement_id BIGINT      NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    -- Over all the day's measurements: list entries seen, how many carried a date, the newest date among them.
    list_entries        INTEGER     NOT NULL,
    dated_entries       INTEGER     NOT NULL,
    newest_entry        DATE,
    -- Over all the day's measurements: GETs, those that failed (error kind), bytes read, summed response time.
    fetches             INTEGER     NOT NULL,
    failed_fetches      INTEGER     NOT NULL,
    fetched_bytes       BIGINT      NOT NULL,
    fetch_ms            BIGINT      NOT NULL,
    -- Over all the day's measurements: homepage links checked and found broken.
    link_checks         INTEGER     NOT NULL,
    broken_links        INTEGER     NOT NULL,
    -- The broken link checks of the last measurement in check order, [{"url", "status", "error"}]: what the
    -- link-health indicator reads in place of the deleted measurement_link_checks rows.
    last_broken         JSONB       NOT NULL DEFAULT '[]',
    rolled_up_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, day)
);
CREATE UNIQUE INDEX site_daily_facts_measurement_idx ON site_daily_facts (last_measurement_id);

-- The retention job walks the measurements day by day.
CREATE INDEX measurements_day_site_idx ON measurements (measured_on, site_id);
