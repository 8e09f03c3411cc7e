package org.egovmonitor.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.RegistryValidator;
import org.egovmonitor.registry.Unit;
import org.egovmonitor.registry.UnitDao;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewOutcomeListener;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.reviews.Reviews;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * LAN / office-automation self-reports: departments submit, the office approves or rejects. Only approved reports
 * count; the newest approved one (by report date) is the unit's current report, older ones stay as history.
 *
 * <p>Who: {@code actor} arguments are the authenticated user's name once login exists; until then the resources pass
 * the name declared in the request (see {@code resources/Actors}).
 */
public class SelfReportService {

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile ReviewOutcomeListener approvals = ReviewOutcomeListener.NONE;

    public SelfReportService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Who hears of an approved report (scoring, to re-score the unit at once). */
    public void onApproval(ReviewOutcomeListener listener) {
        this.approvals = listener;
    }

    public SelfReport submit(String unitCode, SelfReportRequest request, String actor) {
        LocalDate today = LocalDate.now(clock);
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            RegistryValidator.Checked<SelfReportRequest> checked = SelfReportValidator.check(request, today);
            ValidationException.throwIfAny(checked.errors());
            SelfReportRequest r = checked.value();
            SelfReportDao dao = h.attach(SelfReportDao.class);
            long id = dao.insert(unitCode, r.reportDate(), r.lanPresent(), r.computers(), r.networkedComputers(),
                    r.staff(), r.internetAccess(), r.oaInUse(), r.egovConnected(),
                    r.systems().stream().map(Enum::name).toArray(String[]::new),
                    r.otherSystems().toArray(new String[0]), r.note(), actor);
            return withCurrentFlag(dao, dao.find(id).orElseThrow());
        });
    }

    /** The unit's reports, newest first, each marked whether it is the current one. */
    public List<SelfReport> history(String unitCode) {
        return jdbi.inTransaction(h -> {
            requireUnit(h, unitCode);
            List<SelfReport> all = h.attach(SelfReportDao.class).byUnit(unitCode);
            Long current = currentId(all);
            return all.stream().map(r -> r.withCurrent(current != null && r.id() == current)).toList();
        });
    }

    public List<SelfReport> byStatus(ReviewStatus status) {
        return jdbi.withExtension(SelfReportDao.class, d -> d.byStatus(status == null ? null : status.name()));
    }

    public SelfReport get(long id) {
        return jdbi.inTransaction(h -> {
            SelfReportDao dao = h.attach(SelfReportDao.class);
            return withCurrentFlag(dao, dao.find(id).orElseThrow(() -> notFound(id)));
        });
    }

    public SelfReport approve(long id, ReviewDecision decision, String actor) {
        return decide(id, decision, ReviewStatus.APPROVED, actor);
    }

    public SelfReport reject(long id, ReviewDecision decision, String actor) {
        return decide(id, decision, ReviewStatus.REJECTED, actor);
    }

    private SelfReport decide(long id, ReviewDecision decision, ReviewStatus outcome, String actor) {
        SelfReport decided = jdbi.inTransaction(h -> {
            SelfReportDao dao = h.attach(SelfReportDao.class);
            return Reviews.decide(new Reviews.Submissions<>(dao::lock, SelfReport::status, dao::review,
                            i -> withCurrentFlag(dao, dao.find(i).orElseThrow())), id, decision, outcome, actor,
                    Messages.get("error.selfReport.report"), () -> notFound(id), report -> { });
        });
        ReviewOutcomeListener.afterCommit(approvals, outcome, decided.unitCode());
        return decided;
    }

    /** Every unit with its current approved report, and the distributions the leader charts draw. */
    public LanStatus lanStatus(PeerGroup group) {
        return jdbi.inTransaction(h -> {
            Map<String, SelfReport> current = new HashMap<>();
            h.attach(SelfReportDao.class).currentApproved().forEach(r -> current.put(r.unitCode(), r));
            List<Unit> units = h.attach(UnitDao.class).findAll().stream()
                    .filter(u -> group == null || u.peerGroup() == group).toList();
            return LanStatistics.of(units, current);
        });
    }

    private static SelfReport withCurrentFlag(SelfReportDao dao, SelfReport report) {
        Long current = currentId(dao.byUnit(report.unitCode()));
        return report.withCurrent(current != null && current == report.id());
    }

    /** The same order as {@link SelfReportDao#currentApproved}: newest report date, then latest review. */
    static Long currentId(List<SelfReport> newestFirst) {
        return newestFirst.stream().filter(r -> r.status() == ReviewStatus.APPROVED)
                .sorted(java.util.Comparator.comparing(SelfReport::reportDate)
                        .thenComparing(SelfReport::reviewedAt, java.util.Comparator.nullsFirst(
                                java.util.Comparator.naturalOrder()))
                        .thenComparing(SelfReport::id).reversed())
                .map(SelfReport::id).findFirst().orElse(null);
    }

    private static void requireUnit(Handle h, String code) {
        h.attach(UnitDao.class).find(code).orElseThrow(() -> NotFoundException.unit(code));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException(Messages.get("error.selfReport.notFound", id));
    }

    /** Pure: units and their current reports to the chart distributions. */
    static final class LanStatistics {

        static final String NOT_REPORTED = "未上报";

        private LanStatistics() {
        }

        static LanStatus of(List<Unit> units, Map<String, SelfReport> current) {
            Map<String, Integer> lan = buckets("有局域网", "无局域网", NOT_REPORTED);
            Map<String, Integer> perStaff = buckets("无计算机", "每人不足0.5台", "每人0.5-1台", "每人1台及以上",
                    NOT_REPORTED);
            Map<String, Integer> oa = buckets("使用办公自动化", "未使用办公自动化", NOT_REPORTED);
            Map<String, Integer> internet = buckets("已接入互联网", "未接入互联网", NOT_REPORTED);
            Map<String, Integer> systems = new LinkedHashMap<>();
            for (SystemInUse s : SystemInUse.values()) {
                systems.put(s.label(), 0);
            }
            int reported = 0;
            List<LanStatus.UnitLan> rows = new java.util.ArrayList<>();
            for (Unit u : units) {
                SelfReport r = current.get(u.code());
                Double ratio = null;
                if (r == null) {
                    lan.merge(NOT_REPORTED, 1, Integer::sum);
                    perStaff.merge(NOT_REPORTED, 1, Integer::sum);
                    oa.merge(NOT_REPORTED, 1, Integer::sum);
                    internet.merge(NOT_REPORTED, 1, Integer::sum);
                } else {
                    reported++;
                    lan.merge(r.lanPresent() ? "有局域网" : "无局域网", 1, Integer::sum);
                    oa.merge(r.oaInUse() ? "使用办公自动化" : "未使用办公自动化", 1, Integer::sum);
                    internet.merge(r.internetAccess() ? "已接入互联网" : "未接入互联网", 1, Integer::sum);
                    ratio = r.staff() == 0 ? null : (double) r.computers() / r.staff();
                    perStaff.merge(perStaffBucket(r), 1, Integer::sum);
                    r.systems().forEach(s -> systems.merge(s.label(), 1, Integer::sum));
                }
                rows.add(new LanStatus.UnitLan(u.code(), u.name(), u.peerGroup(), r, ratio));
            }
            return new LanStatus(units.size(), reported, lan, perStaff, oa, internet, systems, rows);
        }

        static String perStaffBucket(SelfReport r) {
            if (r.computers() == 0) {
                return "无计算机";
            }
            double ratio = r.staff() == 0 ? Double.MAX_VALUE : (double) r.computers() / r.staff();
            if (ratio < 0.5) {
                return "每人不足0.5台";
            }
            return ratio < 1 ? "每人0.5-1台" : "每人1台及以上";
        }

        private static Map<String, Integer> buckets(String... names) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String n : names) {
                m.put(n, 0);
            }
            return m;
        }
    }
}
