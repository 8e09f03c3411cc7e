-- One site_daily_facts row per site and day of the measurements :ids (whole site-days), from their raw rows. A
-- site-day that already has its row keeps it (the command run next to the job writes nothing twice). Of the last
-- measurement's fetch records, those with an evidence snapshot are kept (last_snapshots, V19): scoring attaches
-- their snapshots to its findings.
INSERT INTO site_daily_facts (site_id, day, measurements, last_measurement_id, list_entries, dated_entries,
                              newest_entry, fetches, failed_fetches, fetched_bytes, fetch_ms, link_checks,
                              broken_links, last_broken, last_snapshots)
SELECT d.site_id, d.day, d.measurements, d.last_id, d.list_entries, d.dated_entries, d.newest_entry, d.fetches,
       d.failed_fetches, d.fetched_bytes, d.fetch_ms, d.link_checks, d.broken_links,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('url', c.url, 'status', c.status, 'error', c.error_kind)
                                  ORDER BY c.seq)
                   FROM measurement_link_checks c
                  WHERE c.measurement_id = d.last_id AND c.broken), '[]'::jsonb),
       COALESCE((SELECT jsonb_agg(jsonb_build_object('url', x.url, 'finalUrl', x.final_url, 'purpose', x.purpose,
                                                     'status', x.status, 'sha256', x.sha256)
                                  ORDER BY x.seq)
                   FROM measurement_fetches x
                  WHERE x.measurement_id = d.last_id AND x.sha256 IS NOT NULL), '[]'::jsonb)
  FROM (SELECT m.site_id, m.measured_on AS day, count(*) AS measurements,
               (array_agg(m.id ORDER BY m.measured_at DESC, m.id DESC))[1] AS last_id,
               sum(i.entries) AS list_entries, sum(i.dated) AS dated_entries, max(i.newest) AS newest_entry,
               sum(f.fetches) AS fetches, sum(f.failed) AS failed_fetches, sum(f.bytes) AS fetched_bytes,
               sum(f.ms) AS fetch_ms, sum(c.checks) AS link_checks, sum(c.broken) AS broken_links
          FROM measurements m
         CROSS JOIN LATERAL (SELECT count(*) AS entries, count(item_date) AS dated, max(item_date) AS newest
                               FROM measurement_items WHERE measurement_id = m.id) i
         CROSS JOIN LATERAL (SELECT count(*) AS fetches, count(error_kind) AS failed,
                                    COALESCE(sum(bytes), 0) AS bytes, COALESCE(sum(response_ms), 0) AS ms
                               FROM measurement_fetches WHERE measurement_id = m.id) f
         CROSS JOIN LATERAL (SELECT count(*) AS checks, count(*) FILTER (WHERE broken) AS broken
                               FROM measurement_link_checks WHERE measurement_id = m.id) c
         WHERE m.id = ANY(:ids)
         GROUP BY m.site_id, m.measured_on) d
ON CONFLICT (site_id, day) DO NOTHING
