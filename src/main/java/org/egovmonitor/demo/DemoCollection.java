package org.egovmonitor.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.egovmonitor.collection.CoverageDao;
import org.egovmonitor.collection.SelfReport;
import org.egovmonitor.collection.SelfReportRequest;
import org.egovmonitor.collection.SelfReportService;
import org.egovmonitor.collection.SystemInUse;
import org.egovmonitor.registry.NetworkNodeDao;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.egovmonitor.reviews.ReviewDecision;
import org.jdbi.v3.core.Jdbi;

/**
 * Demo data for issue 5, loaded after {@link DemoRegistry}: dates the phase-2 plan in the node status history, and
 * a few self-reports that tell the speech's story ("有的单位已初步实现了办公自动化…而有的单位连电脑都没有").
 * Idempotent: a second start adds nothing.
 */
public final class DemoCollection {

    /** The phase-2 project proposal had been submitted by the time of the 2003 speech. */
    public static final LocalDate PHASE_TWO_PLANNED_ON = LocalDate.of(2003, 5, 1);
    static final String REVIEWER = "市信息中心（示例）";

    private DemoCollection() {
    }

    public static void load(Jdbi jdbi, Clock clock) {
        jdbi.useTransaction(h -> {
            List<String> demoUnits = h.attach(UnitDao.class).findAll().stream().filter(Unit::demo)
                    .map(Unit::code).toList();
            CoverageDao coverage = h.attach(CoverageDao.class);
            h.attach(NetworkNodeDao.class).findAll().stream()
                    .filter(n -> n.status() == NodeStatus.PLANNED && demoUnits.contains(n.unitCode()))
                    .forEach(n -> coverage.backdate(n.unitCode(), NodeStatus.PLANNED, PHASE_TWO_PLANNED_ON));
        });
        SelfReportService reports = new SelfReportService(jdbi, clock);
        if (!reports.history("czs-zfb").isEmpty()) {
            return;
        }
        approved(reports, "czs-zfb", report(LocalDate.of(2002, 10, 15), true, 28, 26, 35, true, true, true,
                List.of(SystemInUse.OA), "一期接入后首次填报"));
        approved(reports, "czs-zfb", report(LocalDate.of(2003, 5, 20), true, 40, 38, 35, true, true, true,
                List.of(SystemInUse.OA, SystemInUse.VIDEO_CONFERENCE, SystemInUse.DOCUMENT_DB,
                        SystemInUse.GOV_INFO_DB), "已与省政府办公厅互联互通"));
        approved(reports, "czs-jw", report(LocalDate.of(2003, 5, 18), true, 30, 28, 32, true, true, true,
                List.of(SystemInUse.OA, SystemInUse.PLANNING_VERTICAL, SystemInUse.VIDEO_CONFERENCE,
                        SystemInUse.PROJECT_DB), "计委纵向网与视频会议系统已开通"));
        approved(reports, "czs-czj", report(LocalDate.of(2003, 5, 19), true, 36, 33, 45, true, true, true,
                List.of(SystemInUse.OA, SystemInUse.FINANCE_VERTICAL, SystemInUse.VIDEO_CONFERENCE),
                "安徽省财政纵向网池州节点"));
        approved(reports, "czs-xxzx", report(LocalDate.of(2003, 5, 16), true, 25, 25, 14, true, true, true,
                List.of(SystemInUse.OA, SystemInUse.GOV_INFO_DB, SystemInUse.DOCUMENT_DB), "网络中心"));
        approved(reports, "czs-jtj", report(LocalDate.of(2003, 5, 22), false, 3, 0, 26, true, false, false,
                List.of(), "单机拨号上网，未建局域网"));
        approved(reports, "czs-lsj", report(LocalDate.of(2003, 5, 23), false, 0, 0, 18, false, false, false,
                List.of(), "单位尚无计算机"));
        reports.submit("czs-gaj", report(LocalDate.of(2003, 6, 2), true, 55, 50, 120, true, true, false,
                List.of(SystemInUse.OA, SystemInUse.PROVINCIAL_VERTICAL), "公安专网已通，待接入政务网"), "公安局（示例）");
        SelfReport wrong = reports.submit("czs-wsj", report(LocalDate.of(2003, 5, 28), true, 260, 200, 40, true, true,
                false, List.of(SystemInUse.OA), null), "卫生局（示例）");
        reports.reject(wrong.id(), new ReviewDecision("计算机数与联网数明显偏高，请核实后重新填报", null), REVIEWER);
    }

    private static void approved(SelfReportService reports, String unit, SelfReportRequest request) {
        SelfReport r = reports.submit(unit, request, "联络员（示例）");
        reports.approve(r.id(), new ReviewDecision(null, null), REVIEWER);
    }

    private static SelfReportRequest report(LocalDate date, boolean lan, int computers, int networked, int staff,
                                            boolean internet, boolean oa, boolean egov, List<SystemInUse> systems,
                                            String note) {
        return new SelfReportRequest(date, lan, computers, networked, staff, internet, oa, egov, systems, List.of(),
                note, null);
    }
}
