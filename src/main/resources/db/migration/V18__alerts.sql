-- Alerts: the open problems already announced (one message per problem until it changes or clears), the units the
-- office switched off, and every message to every recipient with its delivery state.

-- A problem announced and still open. A problem that clears is deleted, so its return is announced again; a changed
-- fingerprint (other evidence, a new deadline) is announced again too.
CREATE TABLE alert_problems (
    unit_code   TEXT        NOT NULL REFERENCES units (code) ON DELETE CASCADE,
    kind        TEXT        NOT NULL,
    problem     TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_code, kind, problem)
);

-- Units whose alerts the office switched off.
CREATE TABLE alert_opt_outs (
    unit_code  TEXT        PRIMARY KEY REFERENCES units (code) ON DELETE CASCADE,
    by_user    TEXT        NOT NULL,
    since      TIMESTAMPTZ NOT NULL
);

-- One message to one recipient. due_at is when it may next be sent: now, the end of quiet hours (HELD), the next
-- digest (DIGEST), or after a backoff (RETRYING); a claimed row's due_at is pushed out as a lease.
CREATE TABLE alert_deliveries (
    id          BIGSERIAL   PRIMARY KEY,
    unit_code   TEXT        REFERENCES units (code) ON DELETE CASCADE,
    kind        TEXT        NOT NULL,
    problem     TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    recipient   TEXT        NOT NULL,
    mode        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    link        TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX alert_deliveries_waiting_idx ON alert_deliveries (due_at)
    WHERE status IN ('PENDING', 'HELD', 'DIGEST', 'RETRYING');
CREATE INDEX alert_deliveries_created_idx ON alert_deliveries (created_at DESC);
