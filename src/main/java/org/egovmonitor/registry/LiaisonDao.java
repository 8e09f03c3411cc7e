package org.egovmonitor.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RegistryMappers.LiaisonMapper.class)
public interface LiaisonDao {

    @SqlQuery("SELECT * FROM liaisons WHERE unit_code = :unitCode AND until_date IS NULL")
    Optional<Liaison> findCurrent(@Bind("unitCode") String unitCode);

    @SqlQuery("SELECT * FROM liaisons WHERE until_date IS NULL ORDER BY unit_code")
    List<Liaison> findAllCurrent();

    /** Newest first. */
    @SqlQuery("SELECT * FROM liaisons WHERE unit_code = :unitCode ORDER BY since DESC, id DESC")
    List<Liaison> history(@Bind("unitCode") String unitCode);

    @SqlUpdate("UPDATE liaisons SET until_date = :until WHERE unit_code = :unitCode AND until_date IS NULL")
    int closeCurrent(@Bind("unitCode") String unitCode, @Bind("until") LocalDate until);

    @SqlUpdate("INSERT INTO liaisons (unit_code, name, phone, email, since) "
            + "VALUES (:unitCode, :name, :phone, :email, :since)")
    @GetGeneratedKeys("id")
    long insert(@Bind("unitCode") String unitCode, @Bind("name") String name, @Bind("phone") String phone,
                @Bind("email") String email, @Bind("since") LocalDate since);
}
