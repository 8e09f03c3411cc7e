package org.egovmonitor.collection;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(CollectionMappers.ContributionItemMapper.class)
public interface ContributionDao {

    /** Append-only: an article already stored (same URL) is left as it was. Returns 0 then. */
    @SqlUpdate("""
            INSERT INTO contribution_items (url, portal, title, published_on, raw_source, unit_code)
            VALUES (:url, :portal, :title, :publishedOn, :rawSource, :unitCode)
            ON CONFLICT (url) DO NOTHING
            """)
    int insert(@Bind("url") String url, @Bind("portal") String portal, @Bind("title") String title,
               @Bind("publishedOn") LocalDate publishedOn, @Bind("rawSource") String rawSource,
               @Bind("unitCode") String unitCode);

    @SqlQuery("SELECT url FROM contribution_items WHERE url = ANY(:urls)")
    List<String> knownUrls(@Bind("urls") String[] urls);

    /** Items dated on or after {@code since}; undated items count from the day they were collected. */
    @SqlQuery("""
            SELECT url, title, COALESCE(published_on, collected_at::date) AS item_date, raw_source, unit_code
              FROM contribution_items
             WHERE COALESCE(published_on, collected_at::date) >= :since
             ORDER BY item_date DESC, id DESC
            """)
    List<Contributions.Item> since(@Bind("since") LocalDate since);

    @SqlQuery("""
            SELECT url, title, COALESCE(published_on, collected_at::date) AS item_date, raw_source, unit_code
              FROM contribution_items
             WHERE raw_source IS NOT NULL
             ORDER BY item_date DESC, id DESC
            """)
    List<Contributions.Item> withSource();

    @SqlUpdate("""
            UPDATE units SET aliases = array_append(aliases, :alias), updated_at = now()
             WHERE code = :code AND NOT (:alias = ANY(aliases))
            """)
    int addAlias(@Bind("code") String code, @Bind("alias") String alias);
}
