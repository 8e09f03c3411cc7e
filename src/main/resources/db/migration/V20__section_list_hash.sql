-- Change without dates (issue 17, part 5): a section whose list shows no dates is judged by whether its list changes
-- across rounds. list_hash is the SHA-256 of the list's entries (title and URL, order-insensitive), set only when the
-- list has entries and none of them is dated (SiteMeasurement.Section.listHash); unchanged_since is the first day of
-- the current run of rounds that saw the same hash at the same URL, set when the measurement is stored (the newest
-- earlier measurement of the site with a hash for that URL: same hash → its unchanged_since, else the measured day).
-- Section freshness reads unchanged_since as the section's newest day when it has no dated item.
--
-- Kept on the section row, which retention keeps when it deletes the list entries, so a rescore of an old day reads
-- the same. NULL on dated lists, on blank or unread ones, and on sections stored before this column.
ALTER TABLE measurement_sections ADD COLUMN list_hash TEXT;
ALTER TABLE measurement_sections ADD COLUMN unchanged_since DATE;
