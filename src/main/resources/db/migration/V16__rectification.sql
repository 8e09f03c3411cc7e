-- 整改 (rectification) tasks, their timeline, appeals (申诉), and the findings scoring leaves out after an accepted
-- appeal. docs/rectification.md.

-- Owned by scoring: a finding (indicator, kind, site, evidence page) of a unit left out of its score from a day on.
-- Old days keep scoring as they were stored.
CREATE TABLE score_exclusions (
    id             BIGSERIAL PRIMARY KEY,
    unit_code      TEXT        NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    indicator      TEXT        NOT NULL,
    finding_kind   TEXT        NOT NULL,
    site_url       TEXT,
    evidence_url   TEXT,
    effective_from DATE        NOT NULL,
    reason         TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX score_exclusions_from_idx ON score_exclusions (effective_from);

-- A task issued to a unit for one finding of a snapshot, with the finding's evidence copied on.
CREATE TABLE rectification_tasks (
    id               BIGSERIAL PRIMARY KEY,
    unit_code        TEXT        NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    indicator        TEXT        NOT NULL,
    indicator_name   TEXT        NOT NULL,
    finding_kind     TEXT        NOT NULL,
    site_url         TEXT,
    evidence_url     TEXT,
    evidence_date    DATE,
    http_status      INTEGER,
    error_kind       TEXT,
    observed         TEXT,
    threshold        TEXT,
    message          TEXT        NOT NULL,
    hint             TEXT,
    snapshot_day     DATE        NOT NULL,
    deadline         DATE        NOT NULL,
    note             TEXT,
    status           TEXT        NOT NULL,
    issued_by        TEXT        NOT NULL,
    issued_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    reply            TEXT,
    replied_at       TIMESTAMPTZ,
    recheck_round_id BIGINT,
    recheck_run_id   BIGINT,
    closed_at        TIMESTAMPTZ
);
CREATE INDEX rectification_tasks_unit_idx ON rectification_tasks (unit_code, status);
CREATE INDEX rectification_tasks_round_idx ON rectification_tasks (recheck_round_id)
    WHERE recheck_round_id IS NOT NULL;

-- A department's appeal against one finding of its unit; decided by the office through the review flow.
CREATE TABLE finding_appeals (
    id             BIGSERIAL PRIMARY KEY,
    unit_code      TEXT        NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    task_id        BIGINT REFERENCES rectification_tasks (id) ON DELETE SET NULL,
    indicator      TEXT        NOT NULL,
    finding_kind   TEXT        NOT NULL,
    site_url       TEXT,
    evidence_url   TEXT,
    message        TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'PENDING',
    submitted_by   TEXT        NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    reviewed_by    TEXT,
    reviewed_at    TIMESTAMPTZ,
    review_comment TEXT
);
CREATE INDEX finding_appeals_unit_idx ON finding_appeals (unit_code, status);

-- Every step of a task or an appeal, in order.
CREATE TABLE rectification_events (
    id        BIGSERIAL PRIMARY KEY,
    unit_code TEXT        NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    task_id   BIGINT REFERENCES rectification_tasks (id) ON DELETE CASCADE,
    appeal_id BIGINT REFERENCES finding_appeals (id) ON DELETE CASCADE,
    kind      TEXT        NOT NULL,
    actor     TEXT,
    note      TEXT,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rectification_events_task_idx ON rectification_events (task_id, id);
CREATE INDEX rectification_events_appeal_idx ON rectification_events (appeal_id, id);
