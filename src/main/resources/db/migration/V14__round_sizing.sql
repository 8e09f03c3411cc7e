-- Self-sizing crawl rounds (issue 13): when a worker took an item (so a site's measure time is known afterwards),
-- and what the round was sized for.

-- Set at every claim; finished_at - claimed_at of DONE items is the measured time per site that sizes later rounds.
ALTER TABLE crawl_items ADD COLUMN claimed_at TIMESTAMPTZ;

ALTER TABLE crawl_rounds
    -- scheduler.roundWindow when the round started (milliseconds): the time it should finish in
    ADD COLUMN window_ms        BIGINT,
    -- crawl workers per node the sizing asked for (before each node's own database-pool and memory ceiling)
    ADD COLUMN workers_needed   INTEGER,
    -- crawl workers per node on the node that started the round (its ceiling applied), and why (shown to the office)
    ADD COLUMN workers_per_node INTEGER,
    ADD COLUMN sizing_note      TEXT,
    -- set once, the first time the estimated finish passed the window (or the round ran past it)
    ADD COLUMN overrun_note     TEXT;

-- The recent DONE items with a measured time, newest first (the sizing reads a few thousand of them).
CREATE INDEX crawl_items_done_recent_idx ON crawl_items (finished_at DESC) WHERE status = 'DONE' AND claimed_at IS NOT NULL;
