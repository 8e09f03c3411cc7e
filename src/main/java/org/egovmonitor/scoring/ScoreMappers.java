package org.egovmonitor.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.egovmonitor.db.Columns;
import org.egovmonitor.registry.PeerGroup;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the score snapshot tables. */
public final class ScoreMappers {

    private ScoreMappers() {
    }

    /** A warning or veto as stored: its unit and the finding's JSON. */
    public record RawAlert(String unitCode, String unitName, PeerGroup peerGroup, String findingJson) {
    }

    public static final class RankingRowMapper implements RowMapper<RankingRow> {
        @Override
        public RankingRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            Grade grade = Grade.valueOf(rs.getString("grade"));
            return new RankingRow(rs.getDate("day").toLocalDate(), PeerGroup.valueOf(rs.getString("peer_group")),
                    Columns.integer(rs, "rank"), Columns.integer(rs, "rank_change"),
                    rs.getString("unit_code"), rs.getString("unit_name"), rs.getDouble("total"), grade,
                    grade.label(), rs.getBoolean("vetoed"), rs.getDouble("scored_weight"), rs.getDouble("bonus"),
                    rs.getString("bottleneck"), rs.getDouble("bottleneck_shortfall"), rs.getInt("veto_count"),
                    rs.getInt("warning_count"));
        }
    }

    /** A stored unit as ranking compares it (peerStandings): findings and indicators left empty. */
    public static final class StandingMapper implements RowMapper<UnitScore> {
        @Override
        public UnitScore map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new UnitScore(rs.getString("unit_code"), rs.getString("unit_name"),
                    PeerGroup.valueOf(rs.getString("peer_group")), rs.getDouble("total"), 0, 0,
                    Grade.valueOf(rs.getString("grade")), rs.getBoolean("vetoed"), java.util.List.of(),
                    java.util.List.of(), null, 0);
        }
    }

    public static final class HistoryPointMapper implements RowMapper<HistoryPoint> {
        @Override
        public HistoryPoint map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new HistoryPoint(rs.getDate("day").toLocalDate(), rs.getDouble("total"),
                    Grade.valueOf(rs.getString("grade")), Columns.integer(rs, "rank"),
                    Columns.integer(rs, "rank_change"), rs.getBoolean("vetoed"), rs.getString("bottleneck"),
                    rs.getDouble("bottleneck_shortfall"));
        }
    }

    public static final class CityBottleneckMapper implements RowMapper<CityBottleneck> {
        @Override
        public CityBottleneck map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new CityBottleneck(PeerGroup.valueOf(rs.getString("peer_group")), rs.getString("indicator"),
                    rs.getString("name"), rs.getString("indicator_group"), rs.getDouble("total_shortfall"),
                    rs.getInt("units_affected"), rs.getInt("units"));
        }
    }

    public static final class DayMapper implements RowMapper<ScoreSnapshotDao.Day> {
        @Override
        public ScoreSnapshotDao.Day map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ScoreSnapshotDao.Day(rs.getDate("day").toLocalDate(), rs.getString("catalogue_version"),
                    rs.getString("catalogue_hash"), rs.getInt("unit_count"));
        }
    }

    public static final class DetailMapper implements RowMapper<ScoreSnapshotDao.Detail> {
        @Override
        public ScoreSnapshotDao.Detail map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ScoreSnapshotDao.Detail(rs.getString("indicators"), rs.getString("findings"));
        }
    }

    public static final class AlertMapper implements RowMapper<RawAlert> {
        @Override
        public RawAlert map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RawAlert(rs.getString("unit_code"), rs.getString("unit_name"),
                    PeerGroup.valueOf(rs.getString("peer_group")), rs.getString("finding"));
        }
    }
}
