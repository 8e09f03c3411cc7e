-- One page of a peer group's units, weakest first (vetoed, then lowest total), with each indicator group's scored
-- weight and shortfall summed from the stored per-indicator results (counted ones: SCORED, and NO_SITE at zero
-- points, flagged so that the chart can colour points lost for lack of a site apart).
WITH page AS (
    SELECT unit_code, unit_name, rank, total, vetoed
      FROM unit_scores
     WHERE day = :day AND peer_group = :group
     ORDER BY vetoed DESC, total ASC, unit_code
    OFFSET :offset LIMIT :limit
)
SELECT p.unit_code, p.unit_name, p.rank, p.total::float8 AS total, p.vetoed,
       i.value ->> 'group'                        AS indicator_group,
       sum((i.value ->> 'weight')::float8)        AS weight,
       sum((i.value ->> 'shortfall')::float8)     AS shortfall,
       coalesce(bool_or(i.value ->> 'state' = 'NO_SITE'), false) AS no_site
  FROM page p
  JOIN unit_score_details d ON d.day = :day AND d.unit_code = p.unit_code
  LEFT JOIN LATERAL jsonb_array_elements(d.indicators) i ON i.value ->> 'state' IN ('SCORED', 'NO_SITE')
 GROUP BY p.unit_code, p.unit_name, p.rank, p.total, p.vetoed, i.value ->> 'group'
 ORDER BY p.vetoed DESC, p.total ASC, p.unit_code
