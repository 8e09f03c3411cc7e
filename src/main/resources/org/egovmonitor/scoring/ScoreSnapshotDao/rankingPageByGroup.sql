-- One page of the day's ranking of all peer groups in rank order: group after group, each in rank order.
-- <groupPages> (RankingQuery.groupPages, fixed text) reads each group's first :window rows by an index range scan
-- of unit_scores_ranking_idx, so only offset + limit rows per group are sorted here, never the whole day.
SELECT *
  FROM (<groupPages>) pages
 ORDER BY group_order, <orderBy>
OFFSET :offset
 LIMIT :limit
