-- What a run would roll up and delete: the measurements before :cutoff of site-days without a roll-up, and their
-- raw rows.
WITH pending AS MATERIALIZED (
    SELECT m.id
      FROM measurements m
     WHERE m.measured_on < :cutoff
       AND NOT EXISTS (SELECT 1 FROM site_daily_facts f WHERE f.site_id = m.site_id AND f.day = m.measured_on)
)
SELECT (SELECT count(*) FROM pending)                                                          AS measurements,
       (SELECT count(*) FROM measurement_items i JOIN pending p ON p.id = i.measurement_id)       AS list_entries,
       (SELECT count(*) FROM measurement_fetches x JOIN pending p ON p.id = x.measurement_id)     AS fetches,
       (SELECT count(*) FROM measurement_link_checks c JOIN pending p ON p.id = c.measurement_id) AS link_checks
