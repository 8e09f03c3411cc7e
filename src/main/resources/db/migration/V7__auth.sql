-- Users, server-side sessions, login throttling and the audit log (issue 7, org.egovmonitor.auth).

CREATE TABLE users (
    username      TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    -- bcrypt ($2a$/$2b$/$2y$), never the password itself.
    password_hash TEXT        NOT NULL CHECK (password_hash ~ '^\$2[aby]\$[0-9]{2}\$'),
    role          TEXT        NOT NULL CHECK (role IN ('OFFICE', 'LEADER', 'DEPARTMENT')),
    -- A DEPARTMENT account is bound to exactly one unit; the other roles to none.
    unit_code     TEXT REFERENCES units (code) ON UPDATE CASCADE,
    display_name  TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    -- Accounts created by the demo; their passwords are regenerated at each demo start.
    demo          BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at TIMESTAMPTZ,
    CHECK ((role = 'DEPARTMENT') = (unit_code IS NOT NULL))
);
CREATE INDEX users_unit_idx ON users (unit_code);

-- The cookie carries a random 256-bit id; only its SHA-256 is stored, so a database leak yields no session.
CREATE TABLE sessions (
    id_hash      BYTEA PRIMARY KEY CHECK (length(id_hash) = 32),
    username     TEXT        NOT NULL REFERENCES users (username) ON UPDATE CASCADE ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Absolute end; the idle end is last_seen_at + the configured idle timeout.
    expires_at   TIMESTAMPTZ NOT NULL,
    client_ip    TEXT,
    user_agent   TEXT
);
CREATE INDEX sessions_username_idx ON sessions (username);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins, counted per username and per client IP within the throttling window.
CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    username  TEXT        NOT NULL,
    client_ip TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_idx ON login_failures (username, failed_at);
CREATE INDEX login_failures_ip_idx ON login_failures (client_ip, failed_at);

-- Every write to /api and /auth, successful or not. Append-only: no foreign keys (users may be deleted),
-- and UPDATE, DELETE and TRUNCATE are refused by triggers.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    username    TEXT,
    role        TEXT,
    auth_method TEXT        NOT NULL CHECK (auth_method IN ('SESSION', 'BASIC', 'NONE')),
    method      TEXT        NOT NULL,
    path        TEXT        NOT NULL,
    status      INTEGER     NOT NULL,
    client_ip   TEXT
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
