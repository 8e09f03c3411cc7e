package org.egovmonitor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.egovmonitor.api.LiaisonChange;
import org.egovmonitor.api.NodeStatus;
import org.egovmonitor.api.ReviewStatus;
import org.egovmonitor.api.SelfReport;
import org.egovmonitor.api.SystemInUse;
import org.egovmonitor.core.contributions.Contributions;
import org.egovmonitor.core.coverage.Coverage;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the collection tables (V6). */
public final class CollectionMappers {

    private CollectionMappers() {
    }

    public static final class SelfReportMapper implements RowMapper<SelfReport> {
        @Override
        public SelfReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            List<SystemInUse> systems = RegistryMappers.strings(rs.getArray("systems")).stream()
                    .map(SystemInUse::valueOf).toList();
            return new SelfReport(rs.getLong("id"), rs.getString("unit_code"),
                    RegistryMappers.date(rs, "report_date"), rs.getBoolean("lan_present"), rs.getInt("computers"),
                    rs.getInt("networked_computers"), rs.getInt("staff"), rs.getBoolean("internet_access"),
                    rs.getBoolean("oa_in_use"), rs.getBoolean("egov_connected"), systems,
                    RegistryMappers.strings(rs.getArray("other_systems")), rs.getString("note"),
                    ReviewStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                    instant(rs, "submitted_at"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                    rs.getString("review_comment"), false);
        }
    }

    public static final class LiaisonChangeMapper implements RowMapper<LiaisonChange> {
        @Override
        public LiaisonChange map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LiaisonChange(rs.getLong("id"), rs.getString("unit_code"), rs.getString("name"),
                    rs.getString("phone"), rs.getString("email"), RegistryMappers.date(rs, "since"),
                    rs.getString("reason"), ReviewStatus.valueOf(rs.getString("status")),
                    rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("reviewed_by"),
                    instant(rs, "reviewed_at"), rs.getString("review_comment"));
        }
    }

    public static final class ProbeCountMapper implements RowMapper<Coverage.ProbeCount> {
        @Override
        public Coverage.ProbeCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Coverage.ProbeCount(rs.getString("unit_code"), rs.getLong("probes"), rs.getLong("up"));
        }
    }

    public static final class StatusChangeMapper implements RowMapper<Coverage.StatusChange> {
        @Override
        public Coverage.StatusChange map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Coverage.StatusChange(rs.getLong("id"), rs.getString("unit_code"),
                    NodeStatus.valueOf(rs.getString("status")), RegistryMappers.integer(rs, "phase"),
                    RegistryMappers.date(rs, "effective_on"));
        }
    }

    public static final class ContributionItemMapper implements RowMapper<Contributions.Item> {
        @Override
        public Contributions.Item map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Contributions.Item(rs.getString("url"), rs.getString("title"),
                    RegistryMappers.date(rs, "item_date"), rs.getString("raw_source"), rs.getString("unit_code"));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
