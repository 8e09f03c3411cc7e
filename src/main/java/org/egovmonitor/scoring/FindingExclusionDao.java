package org.egovmonitor.scoring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Findings left out of a unit's score from a day on (V16 {@code score_exclusions}): written when the office accepts
 * an appeal, read by every scoring run. Scoring owns the table so that it never reads the appeals above it.
 */
@RegisterConstructorMapper(FindingExclusionDao.Row.class)
public interface FindingExclusionDao {

    record Row(String unitCode, String indicator, FindingKind findingKind, String siteUrl, String evidenceUrl) {
    }

    @SqlUpdate("""
            INSERT INTO score_exclusions (unit_code, indicator, finding_kind, site_url, evidence_url, effective_from,
                                          reason)
            VALUES (:unit, :key.indicator, :key.kind, :key.siteUrl, :key.evidenceUrl, :from, :reason)
            """)
    void insert(@Bind("unit") String unitCode, @BindMethods("key") FindingKey key,
                @Bind("from") LocalDate effectiveFrom, @Bind("reason") String reason);

    @SqlQuery("""
            SELECT unit_code, indicator, finding_kind, site_url, evidence_url FROM score_exclusions
             WHERE effective_from <= :day
            """)
    List<Row> inForce(@Bind("day") LocalDate day);

    /** Unit code → the keys of its findings left out on {@code day}. */
    default Map<String, Set<FindingKey>> byUnit(LocalDate day) {
        Map<String, Set<FindingKey>> out = new HashMap<>();
        for (Row r : inForce(day)) {
            out.computeIfAbsent(r.unitCode(), k -> new HashSet<>())
                    .add(new FindingKey(r.indicator(), r.findingKind(), r.siteUrl(), r.evidenceUrl()));
        }
        return out;
    }
}
