-- The dates of a section's dated list entries, in page order (SiteMeasurement.Section.entryDates), so that scoring
-- counts the items within a family's freshness window at score time, with the window crawlers/sections.yml sets
-- then, rather than reading items_in_window, which the crawl counted with the window of its own day. Kept with the
-- section when retention deletes the list entries (measurement_items): a rescore of an old day reads it as well.
--
-- NULL on sections stored before this column: scoring falls back to their items_in_window, exactly what they were
-- scored by when stored, so snapshots of those days rescore to the same numbers. Not backfilled from
-- measurement_items for that reason (and those rows go to retention anyway).
ALTER TABLE measurement_sections ADD COLUMN entry_dates DATE[];
