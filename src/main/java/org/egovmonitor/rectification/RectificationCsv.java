package org.egovmonitor.rectification;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.web.CsvExport;

/** The CSV downloads of tasks (with the department's reply) and appeals, Chinese headers, times in city time. */
final class RectificationCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    RectificationCsv(ZoneId zone) {
        this.zone = zone;
    }

    Response tasks(String filename, List<RectificationTask> tasks) {
        List<List<Object>> rows = new ArrayList<>();
        for (RectificationTask t : tasks) {
            rows.add(cells(t.id(), t.unitCode(), t.unitName(), t.indicatorName(), t.findingKind().label(),
                    t.message(), t.observed(), t.threshold(), t.siteUrl(), t.evidenceUrl(), t.evidenceDate(),
                    t.httpStatus(), t.errorKind(), t.snapshotDay(), t.deadline(), t.status().label(),
                    t.overdue() ? "是" : "否", t.issuedBy(), time(t.issuedAt()), t.reply(), time(t.repliedAt()),
                    time(t.closedAt())));
        }
        return CsvExport.attachment(filename, Messages.list("csv.rectificationTasks"), rows);
    }

    Response appeals(String filename, List<FindingAppeal> appeals) {
        List<List<Object>> rows = new ArrayList<>();
        for (FindingAppeal a : appeals) {
            rows.add(cells(a.id(), a.unitCode(), a.unitName(), a.taskId(), a.indicator(), a.findingKind().label(),
                    a.message(), a.siteUrl(), a.evidenceUrl(), a.reason(), a.status().label(), a.submittedBy(),
                    time(a.submittedAt()), a.reviewedBy(), time(a.reviewedAt()), a.reviewComment()));
        }
        return CsvExport.attachment(filename, Messages.list("csv.appeals"), rows);
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Empty cells for absent values. */
    private static List<Object> cells(Object... values) {
        return Arrays.stream(values).map(v -> v == null ? (Object) "" : v).toList();
    }
}
