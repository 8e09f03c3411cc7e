-- The waiting deliveries due by :now, oldest first, claimed under a lease (rows another node holds are skipped).
WITH claimed AS (
    UPDATE alert_deliveries
    SET due_at = :lease
    WHERE id IN (SELECT id
                 FROM alert_deliveries
                 WHERE status IN ('PENDING', 'HELD', 'DIGEST', 'RETRYING') AND due_at <= :now
                 ORDER BY due_at, id
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED)
    RETURNING *
)
SELECT c.*, u.name AS unit_name
FROM claimed c LEFT JOIN units u ON u.code = c.unit_code
ORDER BY c.id
