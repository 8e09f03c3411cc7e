-- Site measurements, append-only: what a crawl of one site saw, kept as facts with their time. Written once per
-- crawl task (task_key) by ObservationStore; read by scoring and the measurements API. Child rows keep the order
-- of the measurement (seq) so a measurement can be rebuilt exactly.

CREATE TABLE measurements (
    id                   BIGSERIAL PRIMARY KEY,
    -- The crawl task that produced it (e.g. crawl-item:42): a retried task never stores twice.
    task_key             TEXT        NOT NULL UNIQUE,
    site_id              BIGINT      NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    measured_at          TIMESTAMPTZ NOT NULL,
    -- The day freshness was judged against.
    measured_on          DATE        NOT NULL,
    url                  TEXT        NOT NULL,
    final_url            TEXT,
    kind                 TEXT        NOT NULL,
    reachable            BOOLEAN     NOT NULL,
    status               INTEGER     NOT NULL,
    response_ms          BIGINT      NOT NULL,
    charset              TEXT,
    error_kind           TEXT,
    homepage_newest_date DATE,
    homepage_dated_items INTEGER     NOT NULL,
    homepage_nav_only    BOOLEAN     NOT NULL,
    missing_families     TEXT[]      NOT NULL DEFAULT '{}',
    pages_fetched        INTEGER     NOT NULL,
    links_not_checked    INTEGER     NOT NULL DEFAULT 0,
    content_hash         TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX measurements_site_time_idx ON measurements (site_id, measured_at DESC, id DESC);

-- Every GET of the measurement (homepage, section pages).
CREATE TABLE measurement_fetches (
    measurement_id BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    url            TEXT    NOT NULL,
    final_url      TEXT,
    purpose        TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    response_ms    BIGINT  NOT NULL,
    bytes          BIGINT  NOT NULL,
    charset        TEXT,
    error_kind     TEXT,
    PRIMARY KEY (measurement_id, seq)
);

-- The classified sections, in homepage order.
CREATE TABLE measurement_sections (
    measurement_id  BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    family          TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    status          INTEGER NOT NULL,
    newest_date     DATE,
    items           INTEGER NOT NULL,
    items_in_window INTEGER NOT NULL,
    blank           BOOLEAN NOT NULL,
    PRIMARY KEY (measurement_id, seq)
);

-- List entries seen: per section (section_seq) or, with section_seq NULL, the homepage's dated entries. The evidence
-- behind freshness, volume and interaction findings.
CREATE TABLE measurement_items (
    measurement_id BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    section_seq    INTEGER,
    seq            INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    url            TEXT,
    item_date      DATE
);
CREATE INDEX measurement_items_measurement_idx ON measurement_items (measurement_id, section_seq, seq);

-- Homepage link checks (broken or not).
CREATE TABLE measurement_link_checks (
    measurement_id BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    url            TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    error_kind     TEXT,
    broken         BOOLEAN NOT NULL,
    PRIMARY KEY (measurement_id, seq)
);
