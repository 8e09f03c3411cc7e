-- The column tree one level down: the sub-columns (子栏目) of each observed section that is a column index page or the
-- 政府信息公开 platform, as SiteMeasurement.Section.children. Written and read with the measurement by
-- ObservationStore; scoring judges each sub-column against its section's family window.

-- Sub-columns found but left unread because the per-site page budget ran out: the tree was cut short.
ALTER TABLE measurement_sections ADD COLUMN children_not_fetched INTEGER NOT NULL DEFAULT 0;

CREATE TABLE measurement_section_children (
    measurement_id  BIGINT  NOT NULL REFERENCES measurements (id) ON DELETE CASCADE,
    section_seq     INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    url             TEXT    NOT NULL,
    -- HTTP status of the sub-column's page (0 when no response).
    status          INTEGER NOT NULL,
    newest_date     DATE,
    items           INTEGER NOT NULL,
    items_in_window INTEGER NOT NULL,
    blank           BOOLEAN NOT NULL,
    PRIMARY KEY (measurement_id, section_seq, seq),
    FOREIGN KEY (measurement_id, section_seq) REFERENCES measurement_sections (measurement_id, seq) ON DELETE CASCADE
);
