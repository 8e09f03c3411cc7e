-- Messages read from interactive sections (信箱, 留言) of a measurement: when each was asked, when answered and what
-- state the site shows. Written with the measurement by ObservationStore; read by scoring (互动回应). Rows keep
-- the section's order (section_seq) and the list's order (seq), so a measurement is rebuilt exactly.
CREATE TABLE measurement_messages (
    measurement_id BIGINT  NOT NULL,
    section_seq    INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    url            TEXT,
    asked_on       DATE,
    -- Null while unanswered, and when the site shows a message answered without the reply date.
    answered_on    DATE,
    state          TEXT    NOT NULL CHECK (state IN ('ANSWERED', 'PENDING', 'UNKNOWN')),
    PRIMARY KEY (measurement_id, section_seq, seq),
    FOREIGN KEY (measurement_id, section_seq) REFERENCES measurement_sections (measurement_id, seq) ON DELETE CASCADE
);
