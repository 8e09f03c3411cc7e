-- Issue 17: the inspection checks' results of a measurement, and the evidence snapshots of the pages a crawl fetched.

-- SiteMeasurement.checks, in check order (seq): one row per check that ran. Problems and metrics are small JSON
-- documents (CheckProblem list, name → number map), rebuilt as they were saved. Not raw rows for retention: like the
-- sections they are what scoring judges, so they stay as long as the measurement row does.
CREATE TABLE measurement_checks (
    measurement_id BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    check_id       TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    summary        TEXT,
    problems       JSONB   NOT NULL DEFAULT '[]',
    metrics        JSONB   NOT NULL DEFAULT '{}',
    PRIMARY KEY (measurement_id, seq)
);

-- The page bytes every GET of a crawl received (网页快照), de-duplicated by their SHA-256 (hex): a page unchanged
-- across rounds, or fetched twice in one crawl, is one row whose last_seen moves on. Gzip-compressed. first_url is
-- the address it was first fetched from (the same bytes may be served at several). Deleted by retention when not
-- seen for retention.snapshotDays and not the evidence of an open rectification task.
CREATE TABLE evidence_snapshots (
    sha256       TEXT        PRIMARY KEY,
    body_gzip    BYTEA       NOT NULL,
    size         BIGINT      NOT NULL,
    content_type TEXT,
    charset      TEXT,
    first_url    TEXT        NOT NULL,
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_snapshots_last_seen_idx ON evidence_snapshots (last_seen);

-- The snapshot of a fetch's body (null when no body was received, and for fetches stored before V19).
ALTER TABLE measurement_fetches ADD COLUMN sha256 TEXT;
CREATE INDEX measurement_fetches_sha256_idx ON measurement_fetches (sha256) WHERE sha256 IS NOT NULL;

-- What retention keeps of the fetch records of a site-day's last measurement (the one scoring reads) when it deletes
-- them: the fetches that have a snapshot, [{"url", "finalUrl", "purpose", "status", "sha256"}] in fetch order, so
-- that a rescore of an old day attaches the same snapshots to its findings.
ALTER TABLE site_daily_facts ADD COLUMN last_snapshots JSONB NOT NULL DEFAULT '[]';
