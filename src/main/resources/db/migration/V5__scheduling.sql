-- Scheduling (issue 4): recorded job runs, crawl rounds and their per-site work items.
-- Quartz keeps its own state in the QRTZ_ tables (V2); these tables are what the office sees and what the crawl
-- workers of every node share.

-- One execution of a job on one node (or of the crawl-now command).
CREATE TABLE job_runs (
    id            BIGSERIAL PRIMARY KEY,
    job           TEXT        NOT NULL,
    -- Quartz scheduler instance id of the node (or the command's node id)
    instance_id   TEXT        NOT NULL,
    -- SCHEDULED (its trigger fired), MANUAL (POST /api/jobs/{name}/trigger), CLI (crawl-now), FOLLOW_UP
    cause         TEXT        NOT NULL,
    -- the fire time Quartz had planned (a misfired trigger fired late shows the gap), null outside Quartz
    scheduled_for TIMESTAMPTZ,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    status        TEXT        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    done          INTEGER     NOT NULL DEFAULT 0,
    total         INTEGER,
    failed        INTEGER     NOT NULL DEFAULT 0,
    message       TEXT
);
CREATE INDEX job_runs_newest_idx ON job_runs (started_at DESC, id DESC);
CREATE INDEX job_runs_job_idx ON job_runs (job, started_at DESC);

-- What a run could not do, with the reason (a site that failed every attempt, a node probe that errored).
CREATE TABLE job_run_failures (
    id      BIGSERIAL PRIMARY KEY,
    run_id  BIGINT      NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
    subject TEXT        NOT NULL,
    reason  TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX job_run_failures_run_idx ON job_run_failures (run_id, id);

-- A crawl of every monitored site (or of one unit's sites); its progress is its run's done/total.
CREATE TABLE crawl_rounds (
    id          BIGSERIAL PRIMARY KEY,
    run_id      BIGINT      NOT NULL UNIQUE REFERENCES job_runs (id) ON DELETE CASCADE,
    unit_code   TEXT,
    status      TEXT        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'FINISHED')),
    total       INTEGER     NOT NULL,
    measured_on DATE        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
CREATE INDEX crawl_rounds_running_idx ON crawl_rounds (id) WHERE status = 'RUNNING';

-- One site of a round. Workers on any node claim PENDING items (SELECT ... FOR UPDATE SKIP LOCKED) and CLAIMED
-- items whose lease ran out (their node died); attempts doubles as the fencing token of a claim.
CREATE TABLE crawl_items (
    id              BIGSERIAL PRIMARY KEY,
    round_id        BIGINT      NOT NULL REFERENCES crawl_rounds (id) ON DELETE CASCADE,
    site_id         BIGINT      NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    url             TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'CLAIMED', 'DONE', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by      TEXT,
    lease_until     TIMESTAMPTZ,
    error           TEXT,
    -- false when the observation store already had this item's measurement (a retried item, never stored twice)
    stored          BOOLEAN,
    finished_at     TIMESTAMPTZ,
    UNIQUE (round_id, site_id)
);
CREATE INDEX crawl_items_pending_idx ON crawl_items (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX crawl_items_leased_idx ON crawl_items (lease_until) WHERE status = 'CLAIMED';
CREATE INDEX crawl_items_round_status_idx ON crawl_items (round_id, status);
