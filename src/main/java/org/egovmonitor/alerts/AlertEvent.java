package org.egovmonitor.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.egovmonitor.scoring.AlertRow;
import org.egovmonitor.scoring.Evidence;
import org.egovmonitor.scoring.Finding;
import org.egovmonitor.scoring.FindingKind;

/**
 * One problem to announce. {@code (unitCode, kind, problem)} names the problem: it is announced once and again only
 * when its {@code fingerprint} changes, or after it cleared and came back.
 *
 * @param problem     what the problem is within the unit and kind (indicator and site; a site URL; a task id)
 * @param fingerprint what makes it "the same" problem: a change announces it again
 * @param summary     one Chinese sentence saying what is wrong
 * @param details     further Chinese lines (observed value, threshold, fix hint)
 * @param evidence    the URL, date and HTTP status it rests on (parts may be null)
 * @param day         the day it was seen (a score day, a probe's local date, the task's deadline check)
 */
public record AlertEvent(AlertKind kind, String unitCode, String problem, String fingerprint, String summary,
                         List<String> details, Evidence evidence, LocalDate day) {

    private static final DateTimeFormatter PROBE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AlertEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    /** A veto or warning of a stored score day. */
    public static AlertEvent ofFinding(AlertRow row) {
        Finding f = row.finding();
        AlertKind kind = f.kind() == FindingKind.VETO ? AlertKind.NEW_VETO : AlertKind.NEW_WARNING;
        Evidence e = f.evidence() == null ? Evidence.NONE : f.evidence();
        List<String> details = new ArrayList<>();
        addLine(details, "观测", f.observed());
        addLine(details, "标准", f.threshold());
        addLine(details, "整改建议", f.hint());
        // the observed text counts days ("距评分日 21 天"), so it changes daily: the evidence and the line crossed
        // name the problem's state instead
        String fingerprint = String.join("|", String.valueOf(e.url()), String.valueOf(e.date()),
                String.valueOf(e.httpStatus()), String.valueOf(e.errorKind()), String.valueOf(f.threshold()));
        return new AlertEvent(kind, row.unitCode(), problemOfFinding(f), fingerprint, f.message(), details, e,
                row.day());
    }

    /** The identity of a finding's problem within its unit: indicator, site, and the page when it is another. */
    static String problemOfFinding(Finding f) {
        String site = f.siteUrl() == null ? "-" : f.siteUrl();
        String page = f.evidence() == null ? null : f.evidence().url();
        return f.indicator() + "@" + site + (page == null || page.equals(site) ? "" : " " + page);
    }

    /** A monitored homepage that answered the previous probe and fails the latest. */
    public static AlertEvent siteDown(String unitCode, String siteUrl, Instant probedAt, int httpStatus,
                                      String errorKind, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(probedAt, zone);
        String how = httpStatus > 0 ? "返回 HTTP " + httpStatus : "无响应" + (errorKind == null ? "" : "（" + errorKind + "）");
        return new AlertEvent(AlertKind.SITE_DOWN, unitCode, siteUrl, "down",
                "网站首页无法访问：" + siteUrl + " " + how,
                List.of("探测时间：" + PROBE_TIME.format(probedAt.atZone(zone)),
                        "上一次探测时该首页可以访问"),
                new Evidence(siteUrl, day, httpStatus > 0 ? httpStatus : null, errorKind), day);
    }

    /**
     * A 整改 task past its deadline and not closed. The task's owner raises it (and clears it when the task closes);
     * a new deadline announces it again.
     */
    public static AlertEvent overdueTask(String unitCode, String taskId, String taskTitle, LocalDate deadline,
                                         LocalDate today, String evidenceUrl) {
        return new AlertEvent(AlertKind.OVERDUE_TASK, unitCode, "task:" + taskId, deadline.toString(),
                "整改任务已逾期：" + taskTitle,
                List.of("整改期限：" + deadline, "任务编号：" + taskId),
                new Evidence(evidenceUrl, deadline, null, null), today);
    }

    private static void addLine(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + "：" + value);
        }
    }
}
