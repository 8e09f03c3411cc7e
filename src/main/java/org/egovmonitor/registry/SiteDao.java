package org.egovmonitor.registry;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(RegistryMappers.SiteMapper.class)
public interface SiteDao {

    @SqlQuery("SELECT * FROM sites WHERE id = :id")
    Optional<Site> find(@Bind("id") long id);

    @SqlQuery("SELECT * FROM sites WHERE url = :url")
    Optional<Site> findByUrl(@Bind("url") String url);

    @SqlQuery("SELECT * FROM sites WHERE unit_code = :unitCode ORDER BY id")
    List<Site> findByUnit(@Bind("unitCode") String unitCode);

    @SqlQuery("""
            SELECT * FROM sites
             WHERE (CAST(:unitCode AS TEXT) IS NULL OR unit_code = :unitCode)
               AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)
               AND (CAST(:monitored AS BOOLEAN) IS NULL OR monitored = :monitored)
             ORDER BY id
            """)
    List<Site> list(@Bind("unitCode") String unitCode, @Bind("kind") SiteKind kind,
                    @Bind("monitored") Boolean monitored);

    @SqlUpdate("INSERT INTO sites (url, name, kind, unit_code, monitored, demo) "
            + "VALUES (:url, :name, :kind, :unitCode, :monitored, :demo)")
    @GetGeneratedKeys("id")
    long insert(@Bind("url") String url, @Bind("name") String name, @Bind("kind") SiteKind kind,
                @Bind("unitCode") String unitCode, @Bind("monitored") boolean monitored, @Bind("demo") boolean demo);

    /** Upsert by URL, many rows in one round trip; a row's count is 0 when nothing changed. */
    @SqlBatch("""
            INSERT INTO sites (url, name, kind, unit_code, monitored, demo)
            VALUES (:url, :name, :kind, :unitCode, :monitored, :demo)
            ON CONFLICT (url) DO UPDATE
               SET name = EXCLUDED.name, kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code,
                   monitored = EXCLUDED.monitored, demo = EXCLUDED.demo, updated_at = now()
             WHERE (sites.name, sites.kind, sites.unit_code, sites.monitored, sites.demo)
                   IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.unit_code, EXCLUDED.monitored, EXCLUDED.demo)
            """)
    int[] upsertAll(@BindMethods Iterable<SiteRequest> sites, @Bind("demo") boolean demo);

    @SqlUpdate("""
            UPDATE sites SET url = :url, name = :name, kind = :kind, unit_code = :unitCode, monitored = :monitored,
                             updated_at = now()
             WHERE id = :id
            """)
    int update(@Bind("id") long id, @Bind("url") String url, @Bind("name") String name, @Bind("kind") SiteKind kind,
               @Bind("unitCode") String unitCode, @Bind("monitored") boolean monitored);

    @SqlQuery("SELECT count(*) FROM sites WHERE unit_code = :unitCode")
    int countByUnit(@Bind("unitCode") String unitCode);

    @SqlUpdate("DELETE FROM sites WHERE id = :id")
    int delete(@Bind("id") long id);
}
