package org.egovmonitor.rectification;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        return CsvExport.attachment(filename, List.of("任务编号", "单位编码", "单位名称", "指标", "类型", "问题", "观测值",
                "标准", "网站", "证据网址", "证据日期", "HTTP状态", "错误类型", "评分日期", "整改期限", "状态", "是否逾期", "下发人",
                "下发时间", "单位答复", "答复时间", "销号时间"), rows);
    }

    Response appeals(String filename, List<FindingAppeal> appeals) {
        List<List<Object>> rows = new ArrayList<>();
        for (FindingAppeal a : appeals) {
            rows.add(cells(a.id(), a.unitCode(), a.unitName(), a.taskId(), a.indicator(), a.findingKind().label(),
                    a.message(), a.siteUrl(), a.evidenceUrl(), a.reason(), a.status().label(), a.submittedBy(),
                    time(a.submittedAt()), a.reviewedBy(), time(a.reviewedAt()), a.reviewComment()));
        }
        return CsvExport.attachment(filename, List.of("申诉编号", "单位编码", "单位名称", "任务编号", "指标", "类型", "问题",
                "网站", "证据网址", "申诉理由", "状态", "提交人", "提交时间", "审核人", "审核时间", "审核意见"), rows);
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Empty cells for absent values. */
    private static List<Object> cells(Object... values) {
        return Arrays.stream(values).map(v -> v == null ? (Object) "" : v).toList();
    }
}
