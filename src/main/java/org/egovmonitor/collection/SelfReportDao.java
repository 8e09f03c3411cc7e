package org.egovmonitor.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(CollectionMappers.SelfReportMapper.class)
public interface SelfReportDao {

    @SqlUpdate("""
            INSERT INTO self_reports (unit_code, report_date, lan_present, computers, networked_computers, staff,
                                      internet_access, oa_in_use, egov_connected, systems, other_systems, note,
                                      submitted_by)
            VALUES (:unitCode, :reportDate, :lanPresent, :computers, :networked, :staff, :internet, :oa, :egov,
                    :systems, :otherSystems, :note, :submittedBy)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("unitCode") String unitCode, @Bind("reportDate") LocalDate reportDate,
                @Bind("lanPresent") boolean lanPresent, @Bind("computers") int computers,
                @Bind("networked") int networked, @Bind("staff") int staff, @Bind("internet") boolean internet,
                @Bind("oa") boolean oa, @Bind("egov") boolean egov, @Bind("systems") String[] systems,
                @Bind("otherSystems") String[] otherSystems, @Bind("note") String note,
                @Bind("submittedBy") String submittedBy);

    @SqlQuery("SELECT * FROM self_reports WHERE id = :id")
    Optional<SelfReport> find(@Bind("id") long id);

    /** Locks the row so that two reviewers cannot both decide the same report. */
    @SqlQuery("SELECT * FROM self_reports WHERE id = :id FOR UPDATE")
    Optional<SelfReport> lock(@Bind("id") long id);

    /** Newest first. */
    @SqlQuery("SELECT * FROM self_reports WHERE unit_code = :unitCode ORDER BY report_date DESC, id DESC")
    List<SelfReport> byUnit(@Bind("unitCode") String unitCode);

    /** Oldest submission first: the review queue. */
    @SqlQuery("SELECT * FROM self_reports WHERE (CAST(:status AS TEXT) IS NULL OR status = :status) "
            + "ORDER BY submitted_at, id")
    List<SelfReport> byStatus(@Bind("status") String status);

    /** Each unit's current report: the approved one with the newest report date (then the latest approved). */
    @SqlQuery("""
            SELECT DISTINCT ON (unit_code) *
              FROM self_reports
             WHERE status = 'APPROVED'
             ORDER BY unit_code, report_date DESC, reviewed_at DESC, id DESC
            """)
    List<SelfReport> currentApproved();

    @SqlUpdate("""
            UPDATE self_reports
               SET status = :status, reviewed_by = :reviewedBy, reviewed_at = now(), review_comment = :comment
             WHERE id = :id AND status = 'PENDING'
            """)
    int review(@Bind("id") long id, @Bind("status") String status, @Bind("reviewedBy") String reviewedBy,
               @Bind("comment") String comment);
}
