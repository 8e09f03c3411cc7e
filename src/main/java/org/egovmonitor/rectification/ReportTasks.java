package org.egovmonitor.rectification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.bulletins.OpenTasks;
import org.egovmonitor.bulletins.PeriodTasks;
import org.jdbi.v3.core.Jdbi;

/**
 * The 整改 tasks a 通报 or a 整改通知书 lists: those open at the end of the report's day (issued by then and not
 * closed by then), so a report of a past period shows the tasks as they stood, not as they stand today; and those
 * issued or closed within a report's period (its 本期整改情况).
 */
public final class ReportTasks implements OpenTasks, PeriodTasks {

    private final Jdbi jdbi;
    private final ZoneId zone;

    public ReportTasks(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    @Override
    public List<OpenTasks.Row> open(LocalDate asOf, String unitCode) {
        return jdbi.withExtension(RectificationDao.class, d -> d.openAt(
                asOf.plusDays(1).atStartOfDay(zone).toInstant(), asOf, unitCode));
    }

    @Override
    public List<PeriodTasks.Row> within(LocalDate from, LocalDate to) {
        return jdbi.withExtension(RectificationDao.class, d -> d.issuedOrClosed(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), zone.getId()));
    }
}
