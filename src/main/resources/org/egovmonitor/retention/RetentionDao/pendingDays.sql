-- Measurement days before :cutoff that still have site-days without a roll-up, with how many such site-days.
SELECT m.measured_on AS day, count(DISTINCT m.site_id) AS site_days
  FROM measurements m
 WHERE m.measured_on < :cutoff
   AND NOT EXISTS (SELECT 1 FROM site_daily_facts f WHERE f.site_id = m.site_id AND f.day = m.measured_on)
 GROUP BY m.measured_on
 ORDER BY m.measured_on
