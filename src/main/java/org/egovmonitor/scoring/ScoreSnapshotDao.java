package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.egovmonitor.registry.PeerGroup;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and deletes of the score snapshot tables (V8); bulk writes go through ScoreSnapshotWriter (COPY). */
@RegisterRowMapper(ScoreMappers.RankingRowMapper.class)
@RegisterRowMapper(ScoreMappers.HistoryPointMapper.class)
@RegisterRowMapper(ScoreMappers.CityBottleneckMapper.class)
@RegisterRowMapper(ScoreMappers.DayMapper.class)
@RegisterRowMapper(ScoreMappers.DetailMapper.class)
public interface ScoreSnapshotDao {

    /** A stored day: the catalogue it was computed with. */
    record Day(LocalDate day, String catalogueVersion, String catalogueHash, int unitCount) {
    }

    /** The JSON documents of one unit-day. */
    record Detail(String indicators, String findings) {
    }

    @SqlQuery("SELECT max(day) FROM score_days")
    Optional<LocalDate> latestDay();

    @SqlQuery("SELECT max(day) FROM score_days WHERE day < :day")
    Optional<LocalDate> dayBefore(@Bind("day") LocalDate day);

    @SqlQuery("SELECT max(day) FROM score_days WHERE day <= :day")
    Optional<LocalDate> dayOnOrBefore(@Bind("day") LocalDate day);

    @SqlQuery("SELECT * FROM score_days ORDER BY day DESC LIMIT 1")
    Optional<Day> latest();

    @SqlQuery("SELECT * FROM score_days WHERE day = :day")
    Optional<Day> day(@Bind("day") LocalDate day);

    @SqlUpdate("DELETE FROM score_days WHERE day = :day")
    int deleteDay(@Bind("day") LocalDate day);

    /** Locks a stored day against a concurrent re-score or replacement until the transaction ends. */
    @SqlQuery("SELECT day FROM score_days WHERE day = :day FOR UPDATE")
    Optional<LocalDate> lockDay(@Bind("day") LocalDate day);

    /** Removes one unit's row of a day (its details go with it), to write it again. */
    @SqlUpdate("DELETE FROM unit_scores WHERE day = :day AND unit_code = :code")
    int deleteUnit(@Bind("day") LocalDate day, @Bind("code") String unitCode);

    /** A unit's place among its peers, as re-ranked after one unit of its group was re-scored. */
    record Place(String unitCode, Integer rank, Integer rankChange) {
    }

    @SqlBatch("""
            UPDATE unit_scores SET rank = :rank, rank_change = :rankChange
             WHERE day = :day AND unit_code = :unitCode
            """)
    void updatePlaces(@Bind("day") LocalDate day, @BindMethods List<Place> places);

    @SqlUpdate("DELETE FROM score_groups WHERE day = :day")
    void deleteGroups(@Bind("day") LocalDate day);

    @SqlUpdate("DELETE FROM city_bottlenecks WHERE day = :day AND peer_group = :group")
    void deleteBottlenecks(@Bind("day") LocalDate day, @Bind("group") PeerGroup group);

    @SqlUpdate("""
            INSERT INTO score_days (day, catalogue_version, catalogue_hash, indicator_ids, unit_count)
            VALUES (:day, :version, :hash, :ids, :units)
            """)
    void insertDay(@Bind("day") LocalDate day, @Bind("version") String version, @Bind("hash") String hash,
                   @Bind("ids") String[] indicatorIds, @Bind("units") int units);

    @SqlQuery("SELECT unit_code, rank FROM unit_scores WHERE day = :day AND rank IS NOT NULL")
    @KeyColumn("unit_code")
    @ValueColumn("rank")
    Map<String, Integer> ranks(@Bind("day") LocalDate day);

    /** The rows of {@code query} on {@code day}, in its order; its limit applies (null = all). */
    default List<RankingRow> rankings(LocalDate day, RankingQuery query) {
        if (query.groupByGroup()) {
            // long: offset + limit overflows an int for a far page (offset=2147483647), which PostgreSQL refused.
            Long window = query.limit() == null ? null : (long) query.offset() + query.limit();
            return rankingPageByGroup(day, query.groupPages(), query.orderBy(), query.grade(), query.search(),
                    query.offset(), query.limit(), window);
        }
        return rankingPage(day, query.filters(), query.orderBy(), query.group(), query.grade(), query.search(),
                query.offset(), query.limit());
    }

    /**
     * Per peer group, the units matching {@code query}'s filters (its order and page do not matter): the figures
     * stored with the day when there is no grade or text filter, else counted now.
     */
    default List<GroupCount> rankingGroups(LocalDate day, RankingQuery query) {
        if (query.grade() == null && query.search() == null) {
            return storedGroups(day, query.group());
        }
        return rankingGroups(day, query.filters(), query.group(), query.grade(), query.search());
    }

    @SqlQuery("""
            SELECT peer_group, units, rated, average_total FROM score_groups
             WHERE day = :day AND (CAST(:group AS TEXT) IS NULL OR peer_group = :group)
            """)
    @RegisterConstructorMapper(GroupCount.class)
    List<GroupCount> storedGroups(@Bind("day") LocalDate day, @Bind("group") PeerGroup group);

    /** Stores the day's per-group figures from its unit_scores rows (part of saving a day). */
    @SqlUpdate("""
            INSERT INTO score_groups (day, peer_group, units, rated, average_total)
            SELECT day, peer_group, count(*), count(*) FILTER (WHERE rank IS NOT NULL),
                   avg(total) FILTER (WHERE rank IS NOT NULL)::float8
              FROM unit_scores
             WHERE day = :day
             GROUP BY day, peer_group
            """)
    void summariseGroups(@Bind("day") LocalDate day);

    record GroupCount(PeerGroup peerGroup, int units, int rated, Double averageTotal) {
    }

    @SqlQuery
    @UseClasspathSqlLocator
    List<RankingRow> rankingPage(@Bind("day") LocalDate day, @Define("filters") String filters,
                                 @Define("orderBy") String orderBy, @Bind("group") PeerGroup group,
                                 @Bind("grade") Grade grade, @Bind("search") String search,
                                 @Bind("offset") int offset, @Bind("limit") Integer limit);

    @SqlQuery
    @UseClasspathSqlLocator
    List<RankingRow> rankingPageByGroup(@Bind("day") LocalDate day, @Define("groupPages") String groupPages,
                                        @Define("orderBy") String orderBy, @Bind("grade") Grade grade,
                                        @Bind("search") String search, @Bind("offset") int offset,
                                        @Bind("limit") Integer limit, @Bind("window") Long window);

    @SqlQuery
    @UseClasspathSqlLocator
    @RegisterConstructorMapper(GroupCount.class)
    List<GroupCount> rankingGroups(@Bind("day") LocalDate day, @Define("filters") String filters,
                                   @Bind("group") PeerGroup group, @Bind("grade") Grade grade,
                                   @Bind("search") String search);

    @SqlQuery("SELECT * FROM unit_scores WHERE day = :day AND unit_code = :code")
    Optional<RankingRow> row(@Bind("day") LocalDate day, @Bind("code") String unitCode);

    @SqlQuery("SELECT count(*) FROM unit_scores WHERE day = :day AND peer_group = :group")
    int peers(@Bind("day") LocalDate day, @Bind("group") PeerGroup group);

    @SqlQuery("SELECT indicators::text AS indicators, findings::text AS findings FROM unit_score_details "
            + "WHERE day = :day AND unit_code = :code")
    Optional<Detail> detail(@Bind("day") LocalDate day, @Bind("code") String unitCode);

    @SqlQuery("SELECT * FROM unit_scores WHERE unit_code = :code ORDER BY day")
    List<HistoryPoint> history(@Bind("code") String unitCode);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM unit_scores WHERE unit_code = :code)")
    boolean hasHistory(@Bind("code") String unitCode);

    @SqlQuery("""
            SELECT * FROM city_bottlenecks
             WHERE day = :day AND (CAST(:group AS TEXT) IS NULL OR peer_group = :group)
             ORDER BY peer_group, total_shortfall DESC, indicator
            """)
    List<CityBottleneck> bottlenecks(@Bind("day") LocalDate day, @Bind("group") PeerGroup group);

    /** Unit code and the findings JSON of every unit of the day that has a warning (or, when asked, a veto). */
    @SqlQuery("""
            SELECT s.unit_code, s.unit_name, s.peer_group, f.value::text AS finding
              FROM unit_scores s
              JOIN unit_score_details d ON d.day = s.day AND d.unit_code = s.unit_code
             CROSS JOIN LATERAL jsonb_array_elements(d.findings) f
             WHERE s.day = :day AND (CAST(:group AS TEXT) IS NULL OR s.peer_group = :group)
               AND (s.warning_count > 0 OR (:vetoes AND s.veto_count > 0))
               AND (f.value->>'kind' = 'WARNING' OR (:vetoes AND f.value->>'kind' = 'VETO'))
             ORDER BY s.peer_group, s.unit_code
            """)
    @RegisterRowMapper(ScoreMappers.AlertMapper.class)
    List<ScoreMappers.RawAlert> alerts(@Bind("day") LocalDate day, @Bind("group") PeerGroup group,
                                       @Bind("vetoes") boolean vetoes);

    @SqlUpdate("""
            INSERT INTO city_bottlenecks (day, peer_group, indicator, name, indicator_group, total_shortfall,
                                          units_affected, units)
            VALUES (:day, :peerGroup, :indicator, :name, :group, :totalShortfall, :unitsAffected, :units)
            """)
    void insertBottleneck(@Bind("day") LocalDate day, @BindMethods CityBottleneck bottleneck);
}
