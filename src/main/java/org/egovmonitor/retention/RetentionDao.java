package org.egovmonitor.retention;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of retention (V13__retention.sql): rolling raw measurement rows up into site_daily_facts and deleting them.
 * Deletes take at most {@code limit} rows per statement, so that no statement holds many row locks or writes a
 * burst of WAL; RetentionService repeats them and owns the transactions.
 */
@RegisterConstructorMapper(RetentionDao.PendingDay.class)
@RegisterConstructorMapper(RetentionDao.PendingRows.class)
public interface RetentionDao {

    record PendingDay(LocalDate day, int siteDays) {
    }

    record PendingRows(long measurements, long listEntries, long fetches, long linkChecks) {
    }

    @SqlQuery
    @UseClasspathSqlLocator
    List<PendingDay> pendingDays(@Bind("cutoff") LocalDate cutoff);

    @SqlQuery
    @UseClasspathSqlLocator
    PendingRows pendingRows(@Bind("cutoff") LocalDate cutoff);

    @SqlQuery("""
            SELECT DISTINCT m.site_id
              FROM measurements m
             WHERE m.measured_on = :day
               AND NOT EXISTS (SELECT 1 FROM site_daily_facts f WHERE f.site_id = m.site_id AND f.day = m.measured_on)
             ORDER BY m.site_id
            """)
    List<Long> sitesToRollUp(@Bind("day") LocalDate day);

    @SqlUpdate
    @UseClasspathSqlLocator
    int rollUp(@Bind("ids") Long[] measurementIds);

    @SqlQuery("SELECT id FROM measurements WHERE measured_on = :day AND site_id = ANY(:siteIds)")
    List<Long> measurementIds(@Bind("day") LocalDate day, @Bind("siteIds") Long[] siteIds);

    /**
     * Deletes at most {@code limit} evidence snapshots last seen before {@code cutoff} that are not the evidence of a
     * rectification task still open (the snapshot named by the task's finding in its unit's score details of the
     * task's snapshot day). The one read of a feature above: a task copies its finding's evidence page but not the
     * snapshot, which lives in the stored findings (docs/inspection.md).
     */
    @SqlUpdate
    @UseClasspathSqlLocator
    int deleteSnapshots(@Bind("cutoff") java.time.OffsetDateTime cutoff, @Bind("limit") int limit);

    // measurement_items has no key: rows are picked by their physical address (a TID scan deletes them).

    @SqlUpdate("""
            DELETE FROM measurement_items
             WHERE ctid = ANY(ARRAY(SELECT ctid FROM measurement_items WHERE measurement_id = ANY(:ids) LIMIT :limit))
            """)
    int deleteItems(@Bind("ids") Long[] measurementIds, @Bind("limit") int limit);

    @SqlUpdate("""
            DELETE FROM measurement_fetches
             WHERE ctid = ANY(ARRAY(SELECT ctid FROM measurement_fetches WHERE measurement_id = ANY(:ids)
                                    LIMIT :limit))
            """)
    int deleteFetches(@Bind("ids") Long[] measurementIds, @Bind("limit") int limit);

    @SqlUpdate("""
            DELETE FROM measurement_link_checks
             WHERE ctid = ANY(ARRAY(SELECT ctid FROM measurement_link_checks WHERE measurement_id = ANY(:ids)
                                    LIMIT :limit))
            """)
    int deleteLinkChecks(@Bind("ids") Long[] measurementIds, @Bind("limit") int limit);
}
