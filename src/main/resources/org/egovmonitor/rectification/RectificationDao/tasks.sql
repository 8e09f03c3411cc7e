SELECT t.*, u.name AS unit_name, r.total AS recheck_total, j.done AS recheck_done,
       (t.status <> 'CLOSED' AND t.deadline < :today) AS overdue
  FROM rectification_tasks t
  JOIN units u ON u.code = t.unit_code
  LEFT JOIN crawl_rounds r ON r.id = t.recheck_round_id
  LEFT JOIN job_runs j ON j.id = r.run_id
 WHERE (CAST(:id AS BIGINT) IS NULL OR t.id = :id)
   AND (CAST(:unit AS TEXT) IS NULL OR t.unit_code = :unit)
   AND (CAST(:status AS TEXT) IS NULL OR t.status = :status)
   AND (NOT :overdueOnly OR (t.status <> 'CLOSED' AND t.deadline < :today))
 ORDER BY t.id DESC
