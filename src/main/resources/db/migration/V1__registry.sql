-- The registry: assessed units and what belongs to them. Observations and scores live in later migrations.

CREATE TABLE units (
    code        TEXT PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT        NOT NULL,
    parent_code TEXT REFERENCES units (code) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
    peer_group  TEXT        NOT NULL,
    aliases     TEXT[]      NOT NULL DEFAULT '{}',
    tags        TEXT[]      NOT NULL DEFAULT '{}',
    demo        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX units_parent_idx ON units (parent_code);
CREATE INDEX units_kind_idx ON units (kind);
CREATE INDEX units_peer_group_idx ON units (peer_group);

CREATE TABLE sites (
    id         BIGSERIAL PRIMARY KEY,
    url        TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    unit_code  TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
    monitored  BOOLEAN     NOT NULL DEFAULT TRUE,
    demo       BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sites_unit_idx ON sites (unit_code);

-- One connection point per unit on the e-government exchange network.
CREATE TABLE network_nodes (
    unit_code      TEXT PRIMARY KEY REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    status         TEXT        NOT NULL,
    phase          INTEGER CHECK (phase IS NULL OR phase >= 1),
    connected_on   DATE,
    bandwidth_mbps INTEGER CHECK (bandwidth_mbps IS NULL OR bandwidth_mbps >= 0),
    terminals      INTEGER CHECK (terminals IS NULL OR terminals >= 0),
    probe_host     TEXT,
    probe_port     INTEGER CHECK (probe_port IS NULL OR probe_port BETWEEN 1 AND 65535),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Liaison officers with history: the current one has until_date NULL; a replacement closes the previous record.
CREATE TABLE liaisons (
    id         BIGSERIAL PRIMARY KEY,
    unit_code  TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    name       TEXT        NOT NULL,
    phone      TEXT,
    email      TEXT,
    since      DATE        NOT NULL,
    until_date DATE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX liaisons_one_current_idx ON liaisons (unit_code) WHERE until_date IS NULL;
