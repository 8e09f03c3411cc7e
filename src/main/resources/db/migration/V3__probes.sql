-- Probe observations, append-only. Written by the scheduler's probe jobs; read by coverage and scoring.

-- Homepage availability probes (the national rule asks for at least 20 a day per site).
CREATE TABLE availability_probes (
    id          BIGSERIAL PRIMARY KEY,
    site_id     BIGINT      NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    probed_at   TIMESTAMPTZ NOT NULL,
    up          BOOLEAN     NOT NULL,
    status      INTEGER     NOT NULL DEFAULT 0,
    response_ms BIGINT,
    error_kind  TEXT,
    url         TEXT        NOT NULL
);
CREATE INDEX availability_probes_site_time_idx ON availability_probes (site_id, probed_at DESC);

-- TCP reachability of network nodes that have a probe endpoint.
CREATE TABLE node_probes (
    id         BIGSERIAL PRIMARY KEY,
    unit_code  TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    probed_at  TIMESTAMPTZ NOT NULL,
    up         BOOLEAN     NOT NULL,
    latency_ms BIGINT,
    error      TEXT,
    endpoint   TEXT        NOT NULL
);
CREATE INDEX node_probes_unit_time_idx ON node_probes (unit_code, probed_at DESC);
