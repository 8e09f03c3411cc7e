package org.egovmonitor.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.egovmonitor.db.Columns;
import org.egovmonitor.reviews.ReviewStatus;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the registry tables. */
public final class RegistryMappers {

    private RegistryMappers() {
    }

    public static final class UnitMapper implements RowMapper<Unit> {
        @Override
        public Unit map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                    rs.getString("parent_code"), PeerGroup.valueOf(rs.getString("peer_group")),
                    Columns.strings(rs.getArray("aliases")), Columns.strings(rs.getArray("tags")), rs.getBoolean("demo"));
        }
    }

    public static final class UnitSummaryMapper implements RowMapper<UnitSummary> {
        @Override
        public UnitSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            String status = rs.getString("network_status");
            return new UnitSummary(rs.getString("code"), rs.getString("name"),
                    UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_code"),
                    PeerGroup.valueOf(rs.getString("peer_group")), Columns.strings(rs.getArray("aliases")),
                    Columns.strings(rs.getArray("tags")), rs.getBoolean("demo"),
                    status == null ? null : NodeStatus.valueOf(status), rs.getInt("site_count"));
        }
    }

    public static final class SiteMapper implements RowMapper<Site> {
        @Override
        public Site map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Site(rs.getLong("id"), rs.getString("url"), rs.getString("name"),
                    SiteKind.valueOf(rs.getString("kind")), rs.getString("unit_code"), rs.getBoolean("monitored"),
                    rs.getBoolean("demo"));
        }
    }

    public static final class NodeMapper implements RowMapper<NetworkNode> {
        @Override
        public NetworkNode map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new NetworkNode(rs.getString("unit_code"), NodeStatus.valueOf(rs.getString("status")),
                    Columns.integer(rs, "phase"), Columns.date(rs, "connected_on"), Columns.integer(rs, "bandwidth_mbps"),
                    Columns.integer(rs, "terminals"), rs.getString("probe_host"), Columns.integer(rs, "probe_port"));
        }
    }

    public static final class LiaisonMapper implements RowMapper<Liaison> {
        @Override
        public Liaison map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Liaison(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"),
                    rs.getString("phone"), rs.getString("email"), Columns.date(rs, "since"), Columns.date(rs, "until_date"));
        }
    }

    public static final class LiaisonChangeMapper implements RowMapper<LiaisonChange> {
        @Override
        public LiaisonChange map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LiaisonChange(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"),
                    rs.getString("phone"), rs.getString("email"), Columns.date(rs, "since"),
                    rs.getString("reason"), ReviewStatus.valueOf(rs.getString("status")),
                    rs.getString("submitted_by"), Columns.instant(rs, "submitted_at"), rs.getString("reviewed_by"),
                    Columns.instant(rs, "reviewed_at"), rs.getString("review_comment"));
        }
    }
}
