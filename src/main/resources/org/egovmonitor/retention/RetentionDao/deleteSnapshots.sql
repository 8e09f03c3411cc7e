-- Evidence snapshots last seen before :cutoff, at most :limit of them, except those an open rectification task rests
-- on: the snapshot of the finding the task was issued for, as stored in its unit's findings of the task's snapshot
-- day (same indicator, kind, site and evidence page).
DELETE FROM evidence_snapshots
 WHERE sha256 = ANY(ARRAY(
       SELECT s.sha256
         FROM evidence_snapshots s
        WHERE s.last_seen < :cutoff
          AND NOT EXISTS (
              SELECT 1
                FROM rectification_tasks t
                JOIN unit_score_details d ON d.unit_code = t.unit_code AND d.day = t.snapshot_day
               CROSS JOIN LATERAL jsonb_array_elements(d.findings) f
               WHERE t.status <> 'CLOSED'
                 AND f -> 'evidence' ->> 'snapshot' = s.sha256
                 AND f ->> 'indicator' = t.indicator
                 AND f ->> 'kind' = t.finding_kind
                 AND (f ->> 'siteUrl') IS NOT DISTINCT FROM t.site_url
                 AND (f -> 'evidence' ->> 'url') IS NOT DISTINCT FROM t.evidence_url)
        LIMIT :limit))
