package org.egovmonitor.registry;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The units' leaders (V21 {@code unit_leaders}), replaced as a whole list per unit. */
@RegisterConstructorMapper(UnitLeader.class)
public interface UnitLeaderDao {

    @SqlQuery("SELECT name, post, position FROM unit_leaders WHERE unit_code = :unit ORDER BY position")
    List<UnitLeader> list(@Bind("unit") String unitCode);

    /** Every unit's leaders, by unit and position: what the registry export writes. */
    @SqlQuery("SELECT unit_code, name, post, position FROM unit_leaders ORDER BY unit_code, position")
    @RegisterConstructorMapper(UnitLeaderRow.class)
    List<UnitLeaderRow> listAll();

    /** A leader with the unit it belongs to. */
    record UnitLeaderRow(String unitCode, String name, String post, int position) {
    }

    /** The leaders of the unit a site belongs to: what the crawl worker gives the wording check. */
    @SqlQuery("""
            SELECT l.name, l.post, l.position FROM unit_leaders l JOIN sites s ON s.unit_code = l.unit_code
             WHERE s.id = :site ORDER BY l.position
            """)
    List<UnitLeader> ofSite(@Bind("site") long siteId);

    @SqlQuery("SELECT u.name FROM sites s JOIN units u ON u.code = s.unit_code WHERE s.id = :site")
    Optional<String> unitNameOfSite(@Bind("site") long siteId);

    @SqlUpdate("DELETE FROM unit_leaders WHERE unit_code = :unit")
    int deleteAll(@Bind("unit") String unitCode);

    @SqlBatch("INSERT INTO unit_leaders (unit_code, position, name, post) VALUES (:unit, :l.position, :l.name, :l.post)")
    void insert(@Bind("unit") String unitCode, @BindMethods("l") List<UnitLeader> leaders);

    /** Replaces the unit's leaders with {@code leaders} (their positions as given). */
    @Transaction
    default void replace(String unitCode, List<UnitLeader> leaders) {
        deleteAll(unitCode);
        if (!leaders.isEmpty()) {
            insert(unitCode, leaders);
        }
    }
}
