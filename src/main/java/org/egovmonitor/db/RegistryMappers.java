package org.egovmonitor.db;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.api.Liaison;
import org.egovmonitor.api.NetworkNode;
import org.egovmonitor.api.NodeStatus;
import org.egovmonitor.api.PeerGroup;
import org.egovmonitor.api.Site;
import org.egovmonitor.api.SiteKind;
import org.egovmonitor.api.Unit;
import org.egovmonitor.api.UnitKind;
import org.egovmonitor.api.UnitSummary;
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
                    strings(rs.getArray("aliases")), strings(rs.getArray("tags")), rs.getBoolean("demo"));
        }
    }

    public static final class UnitSummaryMapper implements RowMapper<UnitSummary> {
        @Override
        public UnitSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            String status = rs.getString("network_status");
            return new UnitSummary(rs.getString("code"), rs.getString("name"),
                    UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_code"),
                    PeerGroup.valueOf(rs.getString("peer_group")), strings(rs.getArray("aliases")),
                    strings(rs.getArray("tags")), rs.getBoolean("demo"),
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
                    integer(rs, "phase"), date(rs, "connected_on"), integer(rs, "bandwidth_mbps"),
                    integer(rs, "terminals"), rs.getString("probe_host"), integer(rs, "probe_port"));
        }
    }

    public static final class LiaisonMapper implements RowMapper<Liaison> {
        @Override
        public Liaison map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Liaison(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"),
                    rs.getString("phone"), rs.getString("email"), date(rs, "since"), date(rs, "until_date"));
        }
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
