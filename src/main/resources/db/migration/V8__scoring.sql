-- Daily score snapshots: derived data, recomputable from observations at any time (ScoreSnapshotService).
-- Sized for 15,000 units × 365 days ≈ 5.5 M unit-day rows. Rankings and history read only the narrow
-- unit_scores rows; the per-indicator results and findings of a unit-day live in one JSONB document row
-- (unit_score_details), read only for a scorecard or a findings export. Recomputing a day deletes the day and
-- writes it again in one transaction (the cascades remove its rows).

-- One row per snapshot day: which rules produced it.
CREATE TABLE score_days (
    day               DATE PRIMARY KEY,
    catalogue_version TEXT        NOT NULL,
    catalogue_hash    TEXT        NOT NULL,
    indicator_ids     TEXT[]      NOT NULL,
    unit_count        INTEGER     NOT NULL,
    computed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per unit and day. unit_code has no foreign key on purpose: a unit removed from the registry keeps its
-- history. rank is NULL for units graded NOT_RATED; rank_change = previous rank − rank (positive = moved up).
CREATE TABLE unit_scores (
    day                  DATE         NOT NULL REFERENCES score_days (day) ON DELETE CASCADE,
    unit_code            TEXT         NOT NULL,
    unit_name            TEXT         NOT NULL,
    peer_group           TEXT         NOT NULL,
    total                NUMERIC(6,2) NOT NULL,
    scored_weight        NUMERIC(6,2) NOT NULL,
    bonus                NUMERIC(6,2) NOT NULL,
    grade                TEXT         NOT NULL,
    vetoed               BOOLEAN      NOT NULL,
    rank                 INTEGER CHECK (rank IS NULL OR rank >= 1),
    rank_change          INTEGER,
    bottleneck           TEXT,
    bottleneck_shortfall NUMERIC(6,2) NOT NULL,
    veto_count           SMALLINT     NOT NULL,
    warning_count        SMALLINT     NOT NULL,
    PRIMARY KEY (day, unit_code)
);
-- Rankings of a day and peer group, already in rank order.
CREATE INDEX unit_scores_ranking_idx ON unit_scores (day, peer_group, rank, unit_code);
-- A unit's history.
CREATE INDEX unit_scores_history_idx ON unit_scores (unit_code, day);

-- Per-indicator results (state, weight, points, shortfall, observed, reason, vetoed) and findings (deductions,
-- vetoes, warnings with evidence and fix hints) of one unit-day, as written by the calculator.
CREATE TABLE unit_score_details (
    day        DATE  NOT NULL,
    unit_code  TEXT  NOT NULL,
    indicators JSONB NOT NULL,
    findings   JSONB NOT NULL,
    PRIMARY KEY (day, unit_code),
    FOREIGN KEY (day, unit_code) REFERENCES unit_scores (day, unit_code) ON DELETE CASCADE
);

-- The city's bottlenecks of a day: each indicator's shortfall summed over a peer group's units.
CREATE TABLE city_bottlenecks (
    day             DATE         NOT NULL REFERENCES score_days (day) ON DELETE CASCADE,
    peer_group      TEXT         NOT NULL,
    indicator       TEXT         NOT NULL,
    name            TEXT         NOT NULL,
    indicator_group TEXT         NOT NULL,
    total_shortfall NUMERIC(12,2) NOT NULL,
    units_affected  INTEGER      NOT NULL,
    units           INTEGER      NOT NULL,
    PRIMARY KEY (day, peer_group, indicator)
);
