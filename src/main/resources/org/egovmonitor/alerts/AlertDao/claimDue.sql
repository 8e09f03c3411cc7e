-- The waiting deliveries due by :now, claimed under a lease (rows another node holds are skipped). Vetoes and sites
-- down first, then oldest first: after a fresh install's first round a few hundred warnings are queued, and a 单项否决
-- or a homepage that stopped answering must not wait behind them for later batches.
WITH claimed AS (
    UPDATE alert_deliveries
    SET due_at = :lease
    WHERE id IN (SELECT id
                 FROM alert_deliveries
                 WHERE status IN ('PENDING', 'HELD', 'DIGEST', 'RETRYING') AND due_at <= :now
                 ORDER BY (kind NOT IN ('NEW_VETO', 'SITE_DOWN')), due_at, id
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED)
    RETURNING *
)
SELECT c.*, u.name AS unit_name
FROM claimed c LEFT JOIN units u ON u.code = c.unit_code
ORDER BY c.id
