-- The delivery log, newest first, optionally of one unit and one status.
SELECT d.*, u.name AS unit_name
FROM alert_deliveries d LEFT JOIN units u ON u.code = d.unit_code
WHERE (CAST(:unitCode AS TEXT) IS NULL OR d.unit_code = :unitCode)
  AND (CAST(:status AS TEXT) IS NULL OR d.status = :status)
ORDER BY d.created_at DESC, d.id DESC
LIMIT :limit
