package org.egovmonitor.rectification;

import java.util.List;
import org.egovmonitor.scoring.FindingKey;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The office's dismissals of false-positive findings (V21 {@code finding_dismissals}). */
@RegisterConstructorMapper(FindingDismissal.class)
public interface FindingDismissalDao {

    @SqlUpdate("""
            INSERT INTO finding_dismissals (unit_code, indicator, finding_kind, site_url, evidence_url, message,
                                            reason, dismissed_by)
            VALUES (:unit, :key.indicator, :key.kind, :key.siteUrl, :key.evidenceUrl, :message, :reason, :by)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("unit") String unitCode, @BindMethods("key") FindingKey key, @Bind("message") String message,
                @Bind("reason") String reason, @Bind("by") String dismissedBy);

    @SqlQuery("""
            SELECT id, unit_code, indicator, finding_kind, site_url, evidence_url, message, reason, dismissed_by,
                   dismissed_at
              FROM finding_dismissals WHERE unit_code = :unit ORDER BY dismissed_at DESC, id DESC
            """)
    List<FindingDismissal> list(@Bind("unit") String unitCode);

    @SqlQuery("""
            SELECT count(*) > 0 FROM finding_dismissals
             WHERE unit_code = :unit AND indicator = :key.indicator AND finding_kind = :key.kind
               AND site_url IS NOT DISTINCT FROM :key.siteUrl AND evidence_url IS NOT DISTINCT FROM :key.evidenceUrl
            """)
    boolean exists(@Bind("unit") String unitCode, @BindMethods("key") FindingKey key);
}
