-- One indicator's outcome over every unit of a day, per peer group: FULL (nothing lost), PARTIAL, ZERO (all points
-- lost), VETOED, or the state when it was not scored (NO_DATA, NOT_APPLICABLE) or the unit has no site (NO_SITE:
-- a bucket of its own, not ZERO).
SELECT s.peer_group,
       CASE WHEN i.value ->> 'state' <> 'SCORED'            THEN i.value ->> 'state'
            WHEN (i.value ->> 'vetoed')::boolean            THEN 'VETOED'
            WHEN (i.value ->> 'shortfall')::float8 <= 0     THEN 'FULL'
            WHEN (i.value ->> 'points')::float8 <= 0        THEN 'ZERO'
            ELSE 'PARTIAL' END                               AS bucket,
       count(*)::int                                         AS units
  FROM unit_scores s
  JOIN unit_score_details d ON d.day = s.day AND d.unit_code = s.unit_code
 CROSS JOIN LATERAL jsonb_array_elements(d.indicators) i
 WHERE s.day = :day AND i.value ->> 'id' = :indicator
 GROUP BY 1, 2
 ORDER BY 1, 2
