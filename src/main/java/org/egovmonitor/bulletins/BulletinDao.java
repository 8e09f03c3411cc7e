package org.egovmonitor.bulletins;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(BulletinInfo.class)
public interface BulletinDao {

    /** The listed columns: everything but the files, whose sizes stand in for them. */
    String INFO = """
            id, kind, period_from, period_to, snapshot_day, previous_day, generated_at, generated_by,
            octet_length(docx) AS docx_bytes, octet_length(pdf) AS pdf_bytes
            """;

    /** Stores a report; a report of the same kind and period is replaced (regenerate). */
    @SqlQuery("""
            INSERT INTO bulletins (kind, period_from, period_to, snapshot_day, previous_day, generated_at,
                                   generated_by, docx, pdf)
            VALUES (:kind, :from, :to, :snapshotDay, :previousDay, :generatedAt, :generatedBy, :docx, :pdf)
            ON CONFLICT (kind, period_from, period_to) DO UPDATE
               SET snapshot_day = EXCLUDED.snapshot_day, previous_day = EXCLUDED.previous_day,
                   generated_at = EXCLUDED.generated_at, generated_by = EXCLUDED.generated_by,
                   docx = EXCLUDED.docx, pdf = EXCLUDED.pdf
            RETURNING <info>
            """)
    BulletinInfo save(@Define("info") String info, @Bind("kind") BulletinKind kind, @Bind("from") LocalDate from,
                      @Bind("to") LocalDate to, @Bind("snapshotDay") LocalDate snapshotDay,
                      @Bind("previousDay") LocalDate previousDay, @Bind("generatedAt") Instant generatedAt,
                      @Bind("generatedBy") String generatedBy, @Bind("docx") byte[] docx, @Bind("pdf") byte[] pdf);

    default BulletinInfo save(ReportPeriod period, LocalDate snapshotDay, LocalDate previousDay, Instant generatedAt,
                              String generatedBy, byte[] docx, byte[] pdf) {
        return save(INFO, period.kind(), period.from(), period.to(), snapshotDay, previousDay, generatedAt,
                generatedBy, docx, pdf);
    }

    @SqlQuery("SELECT <info> FROM bulletins ORDER BY period_to DESC, id DESC LIMIT :limit")
    List<BulletinInfo> list(@Define("info") String info, @Bind("limit") int limit);

    default List<BulletinInfo> list(int limit) {
        return list(INFO, limit);
    }

    @SqlQuery("SELECT <info> FROM bulletins WHERE id = :id")
    Optional<BulletinInfo> find(@Define("info") String info, @Bind("id") long id);

    default Optional<BulletinInfo> find(long id) {
        return find(INFO, id);
    }

    @SqlQuery("SELECT <info> FROM bulletins WHERE kind = :kind AND period_from = :from AND period_to = :to")
    Optional<BulletinInfo> find(@Define("info") String info, @Bind("kind") BulletinKind kind,
                                @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    default Optional<BulletinInfo> find(ReportPeriod period) {
        return find(INFO, period.kind(), period.from(), period.to());
    }

    @SqlQuery("SELECT docx FROM bulletins WHERE id = :id")
    Optional<byte[]> docx(@Bind("id") long id);

    @SqlQuery("SELECT pdf FROM bulletins WHERE id = :id")
    Optional<byte[]> pdf(@Bind("id") long id);

    /** The websites the registry monitors (the overview's site count). */
    @SqlQuery("SELECT count(*) FROM sites WHERE monitored")
    int monitoredSites();
}
