-- The unit's leaders as the registry has them (name, post, order on the unit's page): the wording check reads the
-- sites' text against them (a leader named with a post that is not theirs is a 严重表述错误).
CREATE TABLE unit_leaders (
    unit_code  TEXT    NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE
                       DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL CHECK (position >= 0),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 40),
    post       TEXT    NOT NULL CHECK (length(post) BETWEEN 1 AND 100),
    PRIMARY KEY (unit_code, position),
    UNIQUE (unit_code, name)
);

-- Findings the office dismissed as false positives (误报, e.g. a word list hit that is right in its sentence): who,
-- when and why, kept for good. Each writes a score_exclusions row, which is what scoring reads.
CREATE TABLE finding_dismissals (
    id           BIGSERIAL PRIMARY KEY,
    unit_code    TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    indicator    TEXT        NOT NULL,
    finding_kind TEXT        NOT NULL,
    site_url     TEXT,
    evidence_url TEXT,
    message      TEXT,
    reason       TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    dismissed_by TEXT        NOT NULL,
    dismissed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX finding_dismissals_unit_idx ON finding_dismissals (unit_code, dismissed_at DESC);
