package org.egovmonitor.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RegistryMappers.LiaisonChangeMapper.class)
public interface LiaisonRequestDao {

    @SqlUpdate("INSERT INTO liaison_requests (unit_code, name, phone, email, since, reason, submitted_by) "
            + "VALUES (:unitCode, :name, :phone, :email, :since, :reason, :submittedBy)")
    @GetGeneratedKeys("id")
    long insert(@Bind("unitCode") String unitCode, @Bind("name") String name, @Bind("phone") String phone,
                @Bind("email") String email, @Bind("since") LocalDate since, @Bind("reason") String reason,
                @Bind("submittedBy") String submittedBy);

    @SqlQuery("SELECT * FROM liaison_requests WHERE id = :id")
    Optional<LiaisonChange> find(@Bind("id") long id);

    @SqlQuery("SELECT * FROM liaison_requests WHERE id = :id FOR UPDATE")
    Optional<LiaisonChange> lock(@Bind("id") long id);

    @SqlQuery("SELECT * FROM liaison_requests WHERE unit_code = :unitCode ORDER BY id DESC")
    List<LiaisonChange> byUnit(@Bind("unitCode") String unitCode);

    @SqlQuery("SELECT * FROM liaison_requests WHERE (CAST(:status AS TEXT) IS NULL OR status = :status) "
            + "ORDER BY submitted_at, id")
    List<LiaisonChange> byStatus(@Bind("status") String status);

    @SqlUpdate("""
            UPDATE liaison_requests
               SET status = :status, reviewed_by = :reviewedBy, reviewed_at = now(), review_comment = :comment
             WHERE id = :id AND status = 'PENDING'
            """)
    int review(@Bind("id") long id, @Bind("status") String status, @Bind("reviewedBy") String reviewedBy,
               @Bind("comment") String comment);
}
