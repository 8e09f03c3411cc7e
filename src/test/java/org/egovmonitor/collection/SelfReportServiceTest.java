package org.egovmonitor.collection;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.egovmonitor.demo.DemoCollection;
import org.egovmonitor.demo.DemoRegistry;
import org.egovmonitor.errors.ConflictException;
import org.egovmonitor.errors.NotFoundException;
import org.egovmonitor.errors.ValidationException;
import org.egovmonitor.registry.LiaisonChange;
import org.egovmonitor.registry.LiaisonChangeRequest;
import org.egovmonitor.registry.PeerGroup;
import org.egovmonitor.registry.RegistryService;
import org.egovmonitor.reviews.ReviewDecision;
import org.egovmonitor.reviews.ReviewStatus;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Self-report and liaison request workflows on the demo registry, real PostgreSQL. */
class SelfReportServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2003-07-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private Jdbi jdbi;
    private SelfReportService reports;
    private RegistryService registry;

    @BeforeEach
    void demo() {
        jdbi = TestPostgres.newDatabase().jdbi();
        DemoRegistry.load(jdbi, StrictJsonModule.configure(Jackson.newObjectMapper()), CLOCK);
        reports = new SelfReportService(jdbi, CLOCK);
        registry = new RegistryService(jdbi, CLOCK);
    }

    private static SelfReportRequest report(LocalDate date, int computers) {
        return new SelfReportRequest(date, true, computers, computers, 20, true, true, true, List.of(), List.of(),
                null, "部门甲");
    }

    private static ReviewDecision ok() {
        return new ReviewDecision(null, null);
    }

    @Nested
    class Workflow {

        @Test
        void submit_pendingUntilApproved_onlyApprovedCounts() {
            SelfReport r = reports.submit("czs-tjj", report(LocalDate.of(2003, 7, 1), 10), "统计局联络员");
            assertThat(r.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(r.submittedBy()).isEqualTo("统计局联络员");
            assertThat(r.current()).isFalse();
            assertThat(reports.byStatus(ReviewStatus.PENDING)).extracting(SelfReport::id).containsExactly(r.id());
            assertThat(lanOf("czs-tjj").report()).isNull();

            SelfReport approved = reports.approve(r.id(), ok(), "信息中心");
            assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
            assertThat(approved.reviewedBy()).isEqualTo("信息中心");
            assertThat(approved.current()).isTrue();
            assertThat(lanOf("czs-tjj").report().id()).isEqualTo(r.id());
        }

        @Test
        void approve_twice_conflict() {
            SelfReport r = reports.submit("czs-tjj", report(LocalDate.of(2003, 7, 1), 10), "x");
            reports.approve(r.id(), ok(), "信息中心");
            assertThatThrownBy(() -> reports.approve(r.id(), ok(), "信息中心")).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> reports.reject(r.id(), new ReviewDecision("晚了", null), "信息中心"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void reject_needsComment_thenStoredWithIt_neverCounts() {
            SelfReport r = reports.submit("czs-tjj", report(LocalDate.of(2003, 7, 1), 10), "x");
            assertThatThrownBy(() -> reports.reject(r.id(), new ReviewDecision("  ", null), "信息中心"))
                    .isInstanceOf(ValidationException.class);
            SelfReport rejected = reports.reject(r.id(), new ReviewDecision("数据有误", null), "信息中心");
            assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
            assertThat(rejected.reviewComment()).isEqualTo("数据有误");
            assertThat(lanOf("czs-tjj").report()).isNull();
        }

        @Test
        void newerApproved_supersedesOlder_everyVersionKept() {
            SelfReport old = reports.submit("czs-tjj", report(LocalDate.of(2003, 1, 10), 5), "x");
            reports.approve(old.id(), ok(), "o");
            SelfReport newer = reports.submit("czs-tjj", report(LocalDate.of(2003, 6, 10), 12), "x");
            reports.approve(newer.id(), ok(), "o");
            // A late report about an older date does not supersede the newer one.
            SelfReport late = reports.submit("czs-tjj", report(LocalDate.of(2003, 3, 1), 8), "x");
            reports.approve(late.id(), ok(), "o");
            List<SelfReport> history = reports.history("czs-tjj");
            assertThat(history).extracting(SelfReport::id).containsExactly(newer.id(), late.id(), old.id());
            assertThat(history).filteredOn(SelfReport::current).extracting(SelfReport::id).containsExactly(newer.id());
            assertThat(lanOf("czs-tjj").report().computers()).isEqualTo(12);
        }

        @Test
        void unknownUnitOrReport_notFound() {
            assertThatThrownBy(() -> reports.submit("nope", report(LocalDate.of(2003, 7, 1), 1), "x"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reports.history("nope")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> reports.approve(999_999, ok(), "o")).isInstanceOf(NotFoundException.class);
        }

        private LanStatus.UnitLan lanOf(String code) {
            return reports.lanStatus(null).byUnit().stream().filter(u -> u.code().equals(code)).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void lanStatus_demo_distributionsAddUpAndShowTheSpeech() {
        DemoCollection.load(jdbi, CLOCK);
        DemoCollection.load(jdbi, CLOCK);
        LanStatus status = reports.lanStatus(PeerGroup.DEPARTMENTS);
        assertThat(status.reported()).isEqualTo(6);
        assertThat(status.lan().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(status.units());
        assertThat(status.computersPerStaff().get("无计算机")).isEqualTo(1);
        assertThat(status.oa().get("使用办公自动化")).isEqualTo(4);
        assertThat(status.systems().get("财政纵向网")).isEqualTo(1);
        assertThat(reports.byStatus(ReviewStatus.PENDING)).hasSize(1);
        assertThat(reports.byStatus(ReviewStatus.REJECTED)).hasSize(1);
        assertThat(reports.history("czs-zfb")).hasSize(2).filteredOn(SelfReport::current).hasSize(1);
    }

    @Nested
    class LiaisonRequests {

        @Test
        void approve_replacesOfficerKeepingHistory() {
            String unit = "czs-tjj";
            String before = registry.liaisonHistory(unit).get(0).name();
            LiaisonChange req = registry.submitLiaisonRequest(unit, new LiaisonChangeRequest("新联络员",
                    "0566-2000000", null, LocalDate.of(2003, 7, 1), "原联络员调离", null), "统计局");
            assertThat(req.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(registry.liaisonRequestsByStatus(ReviewStatus.PENDING)).hasSize(1);
            LiaisonChange approved = registry.approveLiaisonRequest(req.id(), ok(), "信息中心");
            assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
            var history = registry.liaisonHistory(unit);
            assertThat(history.get(0).name()).isEqualTo("新联络员");
            assertThat(history.get(0).untilDate()).isNull();
            assertThat(history.get(1).name()).isEqualTo(before);
            assertThat(history.get(1).untilDate()).isEqualTo(LocalDate.of(2003, 7, 1));
            assertThatThrownBy(() -> registry.approveLiaisonRequest(req.id(), ok(), "信息中心"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void reject_leavesOfficer_needsComment() {
            LiaisonChange req = registry.submitLiaisonRequest("czs-tjj", new LiaisonChangeRequest("某人", null, null,
                    LocalDate.of(2003, 7, 1), null, null), "x");
            assertThatThrownBy(() -> registry.rejectLiaisonRequest(req.id(), ok(), "o"))
                    .isInstanceOf(ValidationException.class);
            registry.rejectLiaisonRequest(req.id(), new ReviewDecision("请附任命文件", null), "o");
            assertThat(registry.liaisonHistory("czs-tjj").get(0).name()).isNotEqualTo("某人");
        }

        @Test
        void submit_invalid_fieldErrors() {
            assertThatThrownBy(() -> registry.submitLiaisonRequest("czs-tjj", new LiaisonChangeRequest("", "abc",
                    null, LocalDate.of(2003, 8, 1), null, null), "x"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(f -> f.field()).contains("name", "phone", "since"));
            assertThatThrownBy(() -> registry.submitLiaisonRequest("czs-tjj", new LiaisonChangeRequest("甲", null,
                    null, LocalDate.of(2001, 1, 1), null, null), "x")).isInstanceOf(ValidationException.class);
        }

        @Test
        void missing_flagsUnitsWithoutOfficer_untilApproved() {
            var missing = registry.missingLiaisons();
            assertThat(missing).isNotEmpty();
            String unit = missing.stream().filter(m -> m.peerGroup() == PeerGroup.DEPARTMENTS).findFirst()
                    .orElseThrow().code();
            LiaisonChange req = registry.submitLiaisonRequest(unit, new LiaisonChangeRequest("补报联络员", null, null,
                    LocalDate.of(2003, 7, 1), null, null), "x");
            assertThat(registry.missingLiaisons()).filteredOn(m -> m.code().equals(unit))
                    .singleElement().matches(m -> m.pendingRequest());
            registry.approveLiaisonRequest(req.id(), ok(), "o");
            assertThat(registry.missingLiaisons()).noneMatch(m -> m.code().equals(unit));
        }
    }
}
