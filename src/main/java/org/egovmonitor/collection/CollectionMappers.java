package org.egovmonitor.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.egovmonitor.db.Columns;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.reviews.ReviewStatus;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the collection tables (V6). */
public final class CollectionMappers {

    private CollectionMappers() {
    }

    public static final class SelfReportMapper implements RowMapper<SelfReport> {
        @Override
        public SelfReport map(ResultSet rs, StatementContext ctx) throws SQLException {
            List<SystemInUse> systems = Columns.strings(rs.getArray("systems")).stream()
                    .map(SystemInUse::valueOf).toList();
            return new SelfReport(rs.getLong("id"), rs.getString("unit_code"),
                    Columns.date(rs, "report_date"), rs.getBoolean("lan_present"), rs.getInt("computers"),
                    rs.getInt("networked_computers"), rs.getInt("staff"), rs.getBoolean("internet_access"),
                    rs.getBoolean("oa_in_use"), rs.getBoolean("egov_connected"), systems,
                    Columns.strings(rs.getArray("other_systems")), rs.getString("note"),
                    ReviewStatus.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                    Columns.instant(rs, "submitted_at"), rs.getString("reviewed_by"), Columns.instant(rs, "reviewed_at"),
                    rs.getString("review_comment"), false);
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
                    NodeStatus.valueOf(rs.getString("status")), Columns.integer(rs, "phase"),
                    Columns.date(rs, "effective_on"));
        }
    }

    public static final class ContributionItemMapper implements RowMapper<Contributions.Item> {
        @Override
        public Contributions.Item map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Contributions.Item(rs.getString("url"), rs.getString("title"),
                    Columns.date(rs, "item_date"), rs.getString("raw_source"), rs.getString("unit_code"));
        }
    }
}
