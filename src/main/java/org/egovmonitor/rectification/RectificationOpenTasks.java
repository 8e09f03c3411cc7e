package org.egovmonitor.rectification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.bulletins.OpenTasks;
import org.jdbi.v3.core.Jdbi;

/**
 * The 整改 tasks a 通报 or a 整改通知书 lists: those open at the end of the report's day (issued by then and not
 * closed by then), so a report of a past period shows the tasks as they stood, not as they stand today.
 */
public final class RectificationOpenTasks implements OpenTasks {

    private final Jdbi jdbi;
    private final ZoneId zone;

    public RectificationOpenTasks(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    @Override
    public List<Row> open(LocalDate asOf, String unitCode) {
        return jdbi.withExtension(RectificationDao.class, d -> d.openAt(
                asOf.plusDays(1).atStartOfDay(zone).toInstant(), asOf, unitCode));
    }
}
