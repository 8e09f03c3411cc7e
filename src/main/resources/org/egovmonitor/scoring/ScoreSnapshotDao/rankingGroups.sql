-- Per peer group, over the rows matching the same filters as rankingPage: units, rated units, their average total.
SELECT peer_group,
       count(*)                                         AS units,
       count(*) FILTER (WHERE rank IS NOT NULL)         AS rated,
       avg(total) FILTER (WHERE rank IS NOT NULL)::float8 AS average_total
  FROM unit_scores
 WHERE day = :day <filters>
 GROUP BY peer_group
