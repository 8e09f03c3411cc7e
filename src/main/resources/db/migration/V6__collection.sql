-- Collection (issue 5): node status history, LAN/OA self-reports, liaison change requests, information contribution.

-- Every change of a node's status (or phase), with the date it took effect. Written by the trigger below, so the
-- node PUT, registry imports, node surveys and any future writer are all recorded without remembering to.
-- effective_on: the connection date for CONNECTED, else the session setting egov.status_effective_on when a
-- writer sets it (SET LOCAL), else the day of the change. recorded_at is when we learned of it.
CREATE TABLE node_status_changes (
    id           BIGSERIAL PRIMARY KEY,
    unit_code    TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    status       TEXT        NOT NULL,
    phase        INTEGER,
    effective_on DATE        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX node_status_changes_unit_idx ON node_status_changes (unit_code, effective_on, id);

CREATE FUNCTION record_node_status_change() RETURNS trigger AS $$
DECLARE
    requested DATE := NULLIF(current_setting('egov.status_effective_on', true), '')::date;
    effective DATE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- A unit without a node row counts as NOT_CONNECTED. (When the unit itself is being deleted there is
        -- nothing left to record.)
        IF OLD.status <> 'NOT_CONNECTED' AND EXISTS (SELECT 1 FROM units WHERE code = OLD.unit_code) THEN
            INSERT INTO node_status_changes (unit_code, status, phase, effective_on)
            VALUES (OLD.unit_code, 'NOT_CONNECTED', NULL, COALESCE(requested, current_date));
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.phase IS NOT DISTINCT FROM OLD.phase THEN
        -- Same status: a corrected connection date moves the date of the connection event itself.
        IF NEW.status = 'CONNECTED' AND NEW.connected_on IS DISTINCT FROM OLD.connected_on
                AND NEW.connected_on IS NOT NULL THEN
            UPDATE node_status_changes SET effective_on = NEW.connected_on
             WHERE id = (SELECT max(id) FROM node_status_changes
                          WHERE unit_code = NEW.unit_code AND status = 'CONNECTED');
        END IF;
        RETURN NEW;
    END IF;
    effective := CASE WHEN NEW.status = 'CONNECTED' AND NEW.connected_on IS NOT NULL THEN NEW.connected_on
                      ELSE COALESCE(requested, current_date) END;
    INSERT INTO node_status_changes (unit_code, status, phase, effective_on)
    VALUES (NEW.unit_code, NEW.status, NEW.phase, effective);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER network_nodes_status_history
    AFTER INSERT OR UPDATE OR DELETE ON network_nodes
    FOR EACH ROW EXECUTE FUNCTION record_node_status_change();

-- Nodes registered before this migration: their current status, dated as well as we know.
INSERT INTO node_status_changes (unit_code, status, phase, effective_on)
SELECT unit_code, status, phase,
       CASE WHEN status = 'CONNECTED' AND connected_on IS NOT NULL THEN connected_on ELSE updated_at::date END
  FROM network_nodes;

-- LAN / office-automation self-reports (自报). Every version is kept; only APPROVED ones count, the newest
-- approved (by report date) is current.
CREATE TABLE self_reports (
    id                  BIGSERIAL PRIMARY KEY,
    unit_code           TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    report_date         DATE        NOT NULL,
    lan_present         BOOLEAN     NOT NULL,
    computers           INTEGER     NOT NULL CHECK (computers >= 0),
    networked_computers INTEGER     NOT NULL CHECK (networked_computers >= 0),
    staff               INTEGER     NOT NULL CHECK (staff >= 0),
    internet_access     BOOLEAN     NOT NULL,
    oa_in_use           BOOLEAN     NOT NULL,
    egov_connected      BOOLEAN     NOT NULL,
    systems             TEXT[]      NOT NULL DEFAULT '{}',
    other_systems       TEXT[]      NOT NULL DEFAULT '{}',
    note                TEXT,
    status              TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_by        TEXT        NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    reviewed_by         TEXT,
    reviewed_at         TIMESTAMPTZ,
    review_comment      TEXT
);
CREATE INDEX self_reports_unit_idx ON self_reports (unit_code, report_date DESC, id DESC);
CREATE INDEX self_reports_status_idx ON self_reports (status);

-- Liaison officer change requests from departments; approval applies them through the liaison history.
CREATE TABLE liaison_requests (
    id             BIGSERIAL PRIMARY KEY,
    unit_code      TEXT        NOT NULL REFERENCES units (code) ON UPDATE CASCADE ON DELETE CASCADE,
    name           TEXT        NOT NULL,
    phone          TEXT,
    email          TEXT,
    since          DATE        NOT NULL,
    reason         TEXT,
    status         TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_by   TEXT        NOT NULL,
    submitted_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    reviewed_by    TEXT,
    reviewed_at    TIMESTAMPTZ,
    review_comment TEXT
);
CREATE INDEX liaison_requests_unit_idx ON liaison_requests (unit_code, id DESC);
CREATE INDEX liaison_requests_status_idx ON liaison_requests (status);

-- Articles seen on the city portal with their source (来源), append-only. unit_code is the unit the source
-- mapped to when collected; reads map raw_source again with the current names and aliases, so an alias the
-- office assigns later counts the older articles too.
CREATE TABLE contribution_items (
    id           BIGSERIAL PRIMARY KEY,
    url          TEXT        NOT NULL UNIQUE,
    portal       TEXT        NOT NULL,
    title        TEXT,
    published_on DATE,
    raw_source   TEXT,
    unit_code    TEXT REFERENCES units (code) ON UPDATE CASCADE ON DELETE SET NULL,
    collected_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX contribution_items_published_idx ON contribution_items (published_on);
