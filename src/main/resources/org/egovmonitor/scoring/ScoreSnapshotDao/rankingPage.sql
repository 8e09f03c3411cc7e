-- One page of a day's ranking. <filters> and <orderBy> are fixed SQL text from RankingQuery (never request input);
-- in rank order of one peer group this is a range scan of unit_scores_ranking_idx. A null :limit reads all rows.
SELECT *
  FROM unit_scores
 WHERE day = :day <filters>
 ORDER BY <orderBy>
OFFSET :offset
 LIMIT :limit
