package org.egovmonitor.registry;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RegistryMappers.UnitMapper.class)
public interface UnitDao {

    @SqlQuery("SELECT * FROM units WHERE code = :code")
    Optional<Unit> find(@Bind("code") String code);

    @SqlQuery("SELECT * FROM units ORDER BY code")
    List<Unit> findAll();

    @SqlQuery("SELECT code FROM units WHERE code = ANY(:codes)")
    List<String> existingCodes(@Bind("codes") String[] codes);

    @SqlQuery("SELECT code FROM units WHERE parent_code = :code ORDER BY code")
    List<String> childCodes(@Bind("code") String code);

    @SqlUpdate("INSERT INTO units (code, name, kind, parent_code, peer_group, aliases, tags, demo) "
            + "VALUES (:code, :name, :kind, :parentCode, :peerGroup, :aliasArray, :tagArray, :demo)")
    void insert(@BindMethods Unit unit, @Bind("aliasArray") String[] aliases, @Bind("tagArray") String[] tags);

    /**
     * Upsert by code, many rows in one round trip (the lists run in parallel with {@code units}); a row's count is 0
     * when it already held exactly these values, which makes a repeated import a no-op.
     */
    @SqlBatch("""
            INSERT INTO units (code, name, kind, parent_code, peer_group, aliases, tags, demo)
            VALUES (:code, :name, :kind, :parentCode, :peerGroup, :aliasArray, :tagArray, :demo)
            ON CONFLICT (code) DO UPDATE
               SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code,
                   peer_group = EXCLUDED.peer_group, aliases = EXCLUDED.aliases, tags = EXCLUDED.tags,
                   demo = EXCLUDED.demo, updated_at = now()
             WHERE (units.name, units.kind, units.parent_code, units.peer_group, units.aliases, units.tags, units.demo)
                   IS DISTINCT FROM
                   (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.peer_group, EXCLUDED.aliases,
                    EXCLUDED.tags, EXCLUDED.demo)
            """)
    int[] upsertAll(@BindMethods Iterable<Unit> units, @Bind("aliasArray") Iterable<String[]> aliases,
                    @Bind("tagArray") Iterable<String[]> tags);

    @SqlUpdate("""
            UPDATE units
               SET name = :name, kind = :kind, parent_code = :parentCode, peer_group = :peerGroup,
                   aliases = :aliasArray, tags = :tagArray, updated_at = now()
             WHERE code = :code
            """)
    int update(@BindMethods Unit unit, @Bind("aliasArray") String[] aliases, @Bind("tagArray") String[] tags);

    @SqlUpdate("DELETE FROM units WHERE code = :code")
    int delete(@Bind("code") String code);
}
