-- Each monitored site's latest availability probe, and whether the probe before it was up (null: none before).
SELECT s.unit_code, s.url, latest.probed_at, latest.up, latest.status, latest.error_kind,
       previous.up AS previous_up
FROM sites s
JOIN LATERAL (
    SELECT id, probed_at, up, status, error_kind
    FROM availability_probes
    WHERE site_id = s.id
    ORDER BY probed_at DESC, id DESC
    LIMIT 1
) latest ON TRUE
LEFT JOIN LATERAL (
    SELECT up
    FROM availability_probes
    WHERE site_id = s.id AND (probed_at, id) < (latest.probed_at, latest.id)
    ORDER BY probed_at DESC, id DESC
    LIMIT 1
) previous ON TRUE
WHERE s.monitored
ORDER BY s.unit_code, s.url
