-- Per snapshot day and peer group: how many units, how many rated, their average total. Written with the day
-- (ScoreSnapshotService.save), so that an unfiltered ranking page, the leader's averages and the pager's count read
-- one small row instead of aggregating the whole group (15,000 units) on every request.
CREATE TABLE score_groups (
    day           DATE             NOT NULL REFERENCES score_days (day) ON DELETE CASCADE,
    peer_group    TEXT             NOT NULL,
    units         INTEGER          NOT NULL,
    rated         INTEGER          NOT NULL,
    average_total DOUBLE PRECISION,
    PRIMARY KEY (day, peer_group)
);

-- Days stored before this table existed.
INSERT INTO score_groups (day, peer_group, units, rated, average_total)
SELECT day, peer_group, count(*), count(*) FILTER (WHERE rank IS NOT NULL),
       avg(total) FILTER (WHERE rank IS NOT NULL)::float8
  FROM unit_scores
 GROUP BY day, peer_group;
