package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.egovmonitor.registry.PeerGroup;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Read side of the office and leader charts over stored scores: per unit and indicator group, the scored weight and
 * the points lost; per indicator, how units fared.
 */
public interface BottleneckMatrixDao {

    /** One cell; {@code indicatorGroup} is null for a unit without any counted indicator. */
    record Cell(String unitCode, String unitName, Integer rank, double total, boolean vetoed, String indicatorGroup,
                Double weight, Double shortfall, boolean noSite) {
    }

    @SqlQuery("SELECT max(day) FROM score_days")
    Optional<LocalDate> latestDay();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM score_days WHERE day = :day)")
    boolean hasDay(@Bind("day") LocalDate day);

    @SqlQuery("SELECT count(*) FROM unit_scores WHERE day = :day AND peer_group = :group")
    int units(@Bind("day") LocalDate day, @Bind("group") PeerGroup group);

    /** How many units of a peer group fall in each outcome bucket of one indicator (see distribution.sql). */
    record Bucket(String peerGroup, String bucket, int units) {
    }

    @SqlQuery
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(Bucket.class)
    List<Bucket> distribution(@Bind("day") LocalDate day, @Bind("indicator") String indicator);

    @SqlQuery
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(Cell.class)
    List<Cell> cells(@Bind("day") LocalDate day, @Bind("group") PeerGroup group, @Bind("offset") int offset,
                     @Bind("limit") int limit);
}
