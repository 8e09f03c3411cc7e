-- 通报 reports: one row per generated report (a kind and its period), both files kept in the database so every node
-- of the cluster serves the same bytes and a backup of the database holds them. A regenerate replaces the row's
-- files; the period is unique per kind. The files are bounded (CHECK): a report of a large city is a few hundred
-- kilobytes, the PDF embeds only the glyphs it uses.

CREATE TABLE bulletins (
    id               BIGSERIAL   PRIMARY KEY,
    -- BulletinKind: WEEKLY, MONTHLY, QUARTERLY, CUSTOM
    kind             TEXT        NOT NULL,
    period_from      DATE        NOT NULL,
    period_to        DATE        NOT NULL,
    -- the stored score snapshot day the report was built from (the last one within the period), and the one of the
    -- previous period it was compared with (环比), NULL when there was none
    snapshot_day     DATE        NOT NULL,
    previous_day     DATE,
    generated_at     TIMESTAMPTZ NOT NULL,
    -- SCHEDULED, or the username that asked for it
    generated_by     TEXT        NOT NULL,
    docx             BYTEA       NOT NULL CHECK (octet_length(docx) <= 20971520),
    pdf              BYTEA       NOT NULL CHECK (octet_length(pdf) <= 20971520),
    CONSTRAINT bulletins_period CHECK (period_from <= period_to),
    CONSTRAINT bulletins_one_per_period UNIQUE (kind, period_from, period_to)
);

CREATE INDEX bulletins_newest ON bulletins (period_to DESC, id DESC);
