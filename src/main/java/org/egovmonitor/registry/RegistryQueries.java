package org.egovmonitor.registry;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Read-side registry queries too long to inline (SQL in org/egovmonitor/db/RegistryQueries/*.sql). */
@UseClasspathSqlLocator
public interface RegistryQueries {

    @SqlQuery
    @RegisterRowMapper(RegistryMappers.UnitSummaryMapper.class)
    List<UnitSummary> listUnits(@Bind("kind") UnitKind kind, @Bind("peerGroup") PeerGroup peerGroup,
                                @Bind("parent") String parentCode, @Bind("connected") Boolean connected);
}
