package org.egovmonitor.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.registry.NodeStatus;
import org.egovmonitor.registry.SiteKind;
import org.egovmonitor.registry.UnitKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.egovmonitor.scoring.ScoringFixtures.DAY;
import static org.egovmonitor.scoring.ScoringFixtures.findings;
import static org.egovmonitor.scoring.ScoringFixtures.healthy;
import static org.egovmonitor.scoring.ScoringFixtures.healthyMeasurement;
import static org.egovmonitor.scoring.ScoringFixtures.healthySections;
import static org.egovmonitor.scoring.ScoringFixtures.indicator;
import static org.egovmonitor.scoring.ScoringFixtures.measurement;
import static org.egovmonitor.scoring.ScoringFixtures.section;
import static org.egovmonitor.scoring.ScoringFixtures.site;

class ScoreCalculatorTest {

    /** The calculator's arithmetic is pinned to the 2024.1 weights (ScoringFixtures.EDITION_2024_1). */
    private static final IndicatorCatalogue CATALOGUE = ScoringFixtures.EDITION_2024_1;

    private static UnitScore score(UnitEvidence e) {
        return ScoreCalculator.score(e, CATALOGUE, DAY);
    }

    /** What every test of a rule checks: points, veto, warning — and findings adding up to the lost points. */
    private static void expect(UnitScore s, String id, double points, boolean veto, boolean warning) {
        IndicatorResult r = indicator(s, id);
        assertThat(r.state()).isEqualTo(IndicatorState.SCORED);
        assertThat(r.points()).as(id + " points").isEqualTo(points);
        assertThat(r.vetoed()).as(id + " vetoed").isEqualTo(veto);
        assertThat(findings(s, id, FindingKind.VETO)).as(id + " veto findings").hasSize(veto ? 1 : 0);
        assertThat(!findings(s, id, FindingKind.WARNING).isEmpty()).as(id + " warning").isEqualTo(warning);
        double lost = findings(s, id, FindingKind.DEDUCTION).stream().mapToDouble(Finding::points).sum();
        assertThat(ScoreCalculator.round(lost)).as(id + " findings sum").isEqualTo(r.shortfall());
        assertThat(r.shortfall()).isEqualTo(ScoreCalculator.round(r.weight() - r.points()));
        if (veto) {
            assertThat(s.grade()).isEqualTo(Grade.FAIL);
            assertThat(s.vetoed()).isTrue();
        }
    }

    @Test
    void healthyUnit_fullMarks_excellentWithoutFindings() {
        UnitScore s = score(healthy("a"));
        assertThat(s.total()).isEqualTo(100.0);
        assertThat(s.scoredWeight()).isEqualTo(100.0);
        assertThat(s.grade()).isEqualTo(Grade.EXCELLENT);
        assertThat(s.findings()).isEmpty();
        assertThat(s.bottleneck()).isNull();
        assertThat(s.indicators()).hasSize(CATALOGUE.indicators().size())
                .allMatch(r -> r.state() == IndicatorState.SCORED);
    }

    @Nested
    class Availability {

        // 1000 probes: deductions from 1 %, warning from 3 %, veto from 5 %; 2 points per percentage point.
        @ParameterizedTest(name = "{0} failures of 1000 -> {1} points, veto {2}, warning {3}")
        @CsvSource({
                "0,  10.0, false, false",
                "9,  10.0, false, false",
                "10,  8.0, false, false",
                "11,  7.8, false, false",
                "29,  4.2, false, false",
                "30,  4.0, false, true",
                "31,  3.8, false, true",
                "49,  0.2, false, true",
                "50,  0.0, true,  false",
                "51,  0.0, true,  false",
                "500, 0.0, true,  false"})
        void failureShare_thresholds(int failures, double points, boolean veto, boolean warning) {
            UnitScore s = score(ScoringFixtures.withSites(healthy("a"), List.of(site(healthyMeasurement(), 1000,
                    failures))));
            expect(s, "availability", points, veto, warning);
            if (points < 10) {
                Finding f = s.findings().stream().filter(x -> x.indicator().equals("availability")).findFirst()
                        .orElseThrow();
                assertThat(f.evidence().httpStatus()).isEqualTo(503);
                assertThat(f.evidence().date()).isEqualTo(DAY.minusDays(1));
                assertThat(f.hint()).contains("服务器");
            }
        }

        @ParameterizedTest(name = "{0} probes -> {1}")
        @CsvSource({"0, NO_DATA", "19, NO_DATA", "20, SCORED", "21, SCORED"})
        void tooFewProbes_noData(int samples, IndicatorState state) {
            UnitScore s = score(ScoringFixtures.withSites(healthy("a"), List.of(site(healthyMeasurement(), samples,
                    0))));
            assertThat(indicator(s, "availability").state()).isEqualTo(state);
            if (state == IndicatorState.NO_DATA) {
                assertThat(indicator(s, "availability").reason()).contains("无数据");
                assertThat(s.scoredWeight()).isEqualTo(90.0);
                assertThat(s.total()).isEqualTo(100.0);
            }
        }
    }

    @Nested
    class HomepageFreshness {

        // Deductions after 7 days (1 a day), warning at 10 days, veto when older than 14 days.
        @ParameterizedTest(name = "{0} days -> {1} points, veto {2}, warning {3}")
        @CsvSource({
                "0,  10.0, false, false",
                "7,  10.0, false, false",
                "8,   9.0, false, false",
                "9,   8.0, false, false",
                "10,  7.0, false, true",
                "11,  6.0, false, true",
                "13,  4.0, false, true",
                "14,  3.0, false, true",
                "15,  2.0, true,  false",
                "16,  1.0, true,  false",
                "40,  0.0, true,  false"})
        void daysSinceNewest_thresholds(int days, double points, boolean veto, boolean warning) {
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY.minusDays(days),
                    healthySections(), List.of(), List.of())));
            expect(s, "homepage_freshness", points, veto, warning);
        }

        @Test
        void noDatedItem_vetoAndZero() {
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(null, healthySections(),
                    List.of(), List.of())));
            expect(s, "homepage_freshness", 0.0, true, false);
            assertThat(findings(s, "homepage_freshness", FindingKind.DEDUCTION).get(0).message()).contains("无日期");
        }

        @Test
        void vetoedUnit_pointsStillShown_gradeFail() {
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY.minusDays(15),
                    healthySections(), List.of(), List.of())));
            assertThat(s.total()).isEqualTo(92.0);
            assertThat(s.grade()).isEqualTo(Grade.FAIL);
            assertThat(s.vetoes()).hasSize(1);
            assertThat(s.bonus()).isZero();
        }
    }

    @Nested
    class SectionFreshness {

        private static List<Section> withStale(String family, int count) {
            List<Section> list = new ArrayList<>(healthySections());
            IntStream.range(0, count).forEach(i -> list.add(section(family, null, 3, 0, false)));
            return list;
        }

        // Stale 动态/通知/政策 sections: warning at 3, veto at 5; 2 points each, capped at 10.
        @ParameterizedTest(name = "{0} stale core sections -> {1} points, veto {2}, warning {3}")
        @CsvSource({
                "0, 10.0, false, false",
                "1,  8.0, false, false",
                "2,  6.0, false, false",
                "3,  4.0, false, true",
                "4,  2.0, false, true",
                "5,  0.0, true,  false",
                "6,  0.0, true,  false"})
        void coreStale_thresholds(int stale, double points, boolean veto, boolean warning) {
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY,
                    withStale("notices", stale), List.of(), List.of())));
            expect(s, "section_freshness", points, veto, warning);
        }

        // Any should-update family (人事 here, not in the core group): veto at 10 stale.
        @ParameterizedTest(name = "{0} stale personnel sections -> veto {1}")
        @CsvSource({"9, false", "10, true", "11, true"})
        void shouldUpdateStale_thresholds(int stale, boolean veto) {
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY,
                    withStale("personnel", stale), List.of(), List.of())));
            expect(s, "section_freshness", 0.0, veto, false);
            assertThat(findings(s, "section_freshness", FindingKind.DEDUCTION)).hasSize(stale);
        }

        // 政务动态 has a 14-day window: 14 days old is fresh, 15 is stale.
        @ParameterizedTest(name = "news {0} days old -> {1} points")
        @CsvSource({"13, 10.0", "14, 10.0", "15, 8.0"})
        void familyWindow_boundary(int days, double points) {
            List<Section> list = new ArrayList<>(healthySections());
            list.set(0, section("news", DAY.minusDays(days), 20, 10, false));
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, list, List.of(),
                    List.of())));
            expect(s, "section_freshness", points, false, false);
            if (points < 10) {
                Finding f = findings(s, "section_freshness", FindingKind.DEDUCTION).get(0);
                assertThat(f.evidence().url()).isEqualTo("http://site.test/news/");
                assertThat(f.evidence().date()).isEqualTo(DAY.minusDays(days));
                assertThat(f.evidence().httpStatus()).isEqualTo(200);
            }
        }
    }

    /** Sub-columns (子栏目) of an index section: a stale or blank one is a warning of its own, never points. */
    @Nested
    class SubColumns {

        private static UnitScore withChild(String family, SiteMeasurement.Child child) {
            List<Section> list = new ArrayList<>(healthySections());
            list.add(new Section(family, "索引栏目", "http://site.test/idx/", 200, DAY, 0, 0, false, List.of(),
                    List.of(), List.of(child), 0));
            return score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, list, List.of(),
                    List.of())));
        }

        // notices: 180-day window. Undated items count as stale, like a section's; blank and unreadable ones are
        // judged elsewhere (blank) or not at all (unreadable). Points never change.
        @ParameterizedTest(name = "{0}: {1} days old, {2} items, blank {3}, HTTP {4} -> stale warning {5}, blank "
                + "warning {6}")
        @CsvSource(nullValues = "null", value = {
                "notices, 180,    3, false, 200, false, false",
                "notices, 181,    3, false, 200, true,  false",
                "notices, null,   3, false, 200, true,  false",
                "notices, null,   0, true,  200, false, true",
                "notices, null,   0, false, 404, false, false",
                "open_gov, 900,   3, false, 200, false, false",
                "open_gov, null,  0, true,  200, false, true"})
        void child_staleOrBlank_warningOnly(String family, Integer daysOld, int items, boolean blank, int status,
                                            boolean staleWarning, boolean blankWarning) {
            SiteMeasurement.Child child = new SiteMeasurement.Child("子栏目甲", "http://site.test/idx/a/", status,
                    daysOld == null ? null : DAY.minusDays(daysOld), items, 0, blank);
            UnitScore s = withChild(family, child);
            expect(s, "section_freshness", 10.0, false, staleWarning);
            expect(s, "blank_sections", 6.0, false, blankWarning);
            List<Finding> warnings = new ArrayList<>(findings(s, "section_freshness", FindingKind.WARNING));
            warnings.addAll(findings(s, "blank_sections", FindingKind.WARNING));
            for (Finding f : warnings) {
                assertThat(f.message()).contains("索引栏目", "子栏目甲");
                assertThat(f.evidence().url()).isEqualTo("http://site.test/idx/a/");
                assertThat(f.evidence().date()).isEqualTo(child.newestDate());
                assertThat(f.points()).isZero();
            }
        }
    }

    @Nested
    class BlankSections {

        // 2 points each, capped at 6; warning above 2, veto at 5.
        @ParameterizedTest(name = "{0} blank -> {1} points, veto {2}, warning {3}")
        @CsvSource({
                "0, 6.0, false, false",
                "1, 4.0, false, false",
                "2, 2.0, false, false",
                "3, 0.0, false, true",
                "4, 0.0, false, true",
                "5, 0.0, true,  false",
                "6, 0.0, true,  false"})
        void blank_thresholds(int blank, double points, boolean veto, boolean warning) {
            List<Section> list = new ArrayList<>(healthySections());
            IntStream.range(0, blank).forEach(i -> list.add(section("forum", null, 0, 0, true)));
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, list, List.of(),
                    List.of())));
            expect(s, "blank_sections", points, veto, warning);
            assertThat(findings(s, "blank_sections", FindingKind.DEDUCTION)).hasSize(blank);
        }

        @Test
        void pastCap_findingKeptWithZeroPoints() {
            List<Section> list = new ArrayList<>(healthySections());
            IntStream.range(0, 4).forEach(i -> list.add(section("forum", null, 0, 0, true)));
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, list, List.of(),
                    List.of())));
            List<Finding> f = findings(s, "blank_sections", FindingKind.DEDUCTION);
            assertThat(f).extracting(Finding::points).containsExactly(2.0, 2.0, 2.0, 0.0);
            assertThat(f.get(3).message()).contains("上限");
        }
    }

    @Nested
    class CompletenessLinksVolume {

        @ParameterizedTest(name = "{0} missing families -> {1} points, warning {2}")
        @CsvSource({"0, 8.0, false", "1, 6.0, true", "3, 2.0, true", "4, 0.0, true", "5, 0.0, true"})
        void missingFamilies(int missing, double points, boolean warning) {
            List<String> ids = List.of("mailbox", "forum", "downloads", "overview", "online_service")
                    .subList(0, missing);
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, healthySections(),
                    ids, List.of())));
            expect(s, "section_completeness", points, false, warning);
            if (missing > 0) {
                assertThat(findings(s, "section_completeness", FindingKind.DEDUCTION).get(0).message())
                        .contains("市长信箱");
            }
        }

        @ParameterizedTest(name = "{0} broken links -> {1} points")
        @CsvSource({"0, 4.0, false", "1, 3.0, true", "4, 0.0, true", "5, 0.0, true"})
        void brokenLinks(int broken, double points, boolean warning) {
            List<SiteMeasurement.BrokenLink> links = IntStream.range(0, broken)
                    .mapToObj(i -> new SiteMeasurement.BrokenLink("http://site.test/dead" + i, i == 0 ? null : 404,
                            i == 0 ? "TIMEOUT" : null)).toList();
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, healthySections(),
                    List.of(), links)));
            expect(s, "link_health", points, false, warning);
            if (broken > 0) {
                Finding first = findings(s, "link_health", FindingKind.DEDUCTION).get(0);
                assertThat(first.evidence().errorKind()).isEqualTo("TIMEOUT");
                assertThat(first.evidence().url()).isEqualTo("http://site.test/dead0");
            }
        }

        // Floor 8 a month; news items in the 14-day window × 30/14.
        @ParameterizedTest(name = "{0} news items in window -> {1} points")
        @CsvSource({"10, 6.0", "4, 6.0", "3, 4.43", "1, 0.14", "0, 0.0"})
        void updateVolume(int inWindow, double points) {
            List<Section> list = new ArrayList<>(healthySections());
            list.set(0, section("news", DAY, 20, inWindow, false));
            UnitScore s = score(ScoringFixtures.withMeasurement(healthy("a"), measurement(DAY, list, List.of(),
                    List.of())));
            expect(s, "update_volume", points, false, false);
        }
    }

    @Nested
    class Interaction {

        // Reply within 20 days is fine; later loses 2 points; pending over 60 warns; over 90 days vetoes.
        @ParameterizedTest(name = "asked {0} days ago, answered after {1} -> {2} points, veto {3}, warning {4}")
        @CsvSource({
                "30,  20,   8.0, false, false",
                "30,  21,   6.0, false, false",
                "100, 90,   6.0, false, false",
                "100, 91,   6.0, true,  false",
                "60,  ,     6.0, false, false",
                "61,  ,     6.0, false, true",
                "90,  ,     6.0, false, true",
                "91,  ,     6.0, true,  false",
                "365, ,     6.0, true,  false",
                "366, ,     8.0, false, false"})
        void replyDelay_thresholds(int askedDaysAgo, Integer answeredAfter, double points, boolean veto,
                                   boolean warning) {
            UnitEvidence.Message m = new UnitEvidence.Message("http://site.test/mail/1", DAY.minusDays(askedDaysAgo),
                    answeredAfter == null ? null : DAY.minusDays(askedDaysAgo).plusDays(answeredAfter));
            UnitScore s = score(ScoringFixtures.withInteraction(healthy("a"),
                    new UnitEvidence.InteractionFacts(List.of(m))));
            expect(s, "interaction", points, veto, warning);
        }

        // As the site shows it: PENDING waits until the scoring day; ANSWERED without a reply date counts as answered
        // and loses nothing (its wait is unknown); ANSWERED with a date is judged by its delay.
        @ParameterizedTest(name = "{2} asked {0} days ago, answered after {1} -> {3} points, veto {4}, warning {5}")
        @CsvSource({
                "20,  ,   PENDING,  8.0, false, false",
                "21,  ,   PENDING,  6.0, false, false",
                "60,  ,   PENDING,  6.0, false, false",
                "61,  ,   PENDING,  6.0, false, true",
                "90,  ,   PENDING,  6.0, false, true",
                "91,  ,   PENDING,  6.0, true,  false",
                "365, ,   PENDING,  6.0, true,  false",
                "366, ,   PENDING,  8.0, false, false",
                "30,  ,   ANSWERED, 8.0, false, false",
                "200, ,   ANSWERED, 8.0, false, false",
                "30,  20, ANSWERED, 8.0, false, false",
                "30,  21, ANSWERED, 6.0, false, false",
                "100, 90, ANSWERED, 6.0, false, false",
                "100, 91, ANSWERED, 6.0, true,  false",
                "100, 101, ANSWERED, 6.0, true, false"})
        void state_thresholds(int askedDaysAgo, Integer answeredAfter, MessageState state, double points,
                              boolean veto, boolean warning) {
            UnitScore s = withMessages(new UnitEvidence.Message("http://site.test/mail/1",
                    DAY.minusDays(askedDaysAgo), answeredAfter == null ? null
                    : DAY.minusDays(askedDaysAgo).plusDays(answeredAfter), state));
            expect(s, "interaction", points, veto, warning);
        }

        /** A healthy unit whose messages, read today, are these. */
        private UnitScore withMessages(UnitEvidence.Message... messages) {
            return score(ScoringFixtures.withInteraction(healthy("a"),
                    new UnitEvidence.InteractionFacts(List.of(messages), DAY)));
        }

        @Test
        void answeredWithoutDate_countedNotDeducted_saidInObserved() {
            UnitScore s = withMessages(new UnitEvidence.Message("http://site.test/mail/1", DAY.minusDays(200), null,
                    MessageState.ANSWERED), new UnitEvidence.Message("http://site.test/mail/2", DAY.minusDays(40),
                    DAY.minusDays(10)));
            expect(s, "interaction", 6.0, false, false);
            assertThat(indicator(s, "interaction").observed()).contains("留言 2 条", "超时 1 条",
                    "1 条已答复但未公布答复日期");
        }

        @Test
        void unknownState_notJudged_saidInObserved() {
            UnitScore s = withMessages(new UnitEvidence.Message("http://site.test/mail/1", DAY.minusDays(200), null,
                    MessageState.UNKNOWN), new UnitEvidence.Message("http://site.test/mail/2", DAY.minusDays(30),
                    DAY.minusDays(25)));
            expect(s, "interaction", 8.0, false, false);
            assertThat(indicator(s, "interaction").observed()).contains("留言 1 条", "另有 1 条未能判断是否已答复");
        }

        @Test
        void onlyUnknownStates_noData() {
            UnitScore s = withMessages(new UnitEvidence.Message("http://site.test/mail/1", DAY.minusDays(200), null,
                    MessageState.UNKNOWN));
            IndicatorResult r = indicator(s, "interaction");
            assertThat(r.state()).isEqualTo(IndicatorState.NO_DATA);
            assertThat(r.reason()).contains("无数据", "1 条留言均未能判断");
        }

        @ParameterizedTest(name = "read {0} days before the scoring day -> {1}")
        @CsvSource({"0, SCORED", "7, SCORED", "8, NO_DATA"})
        void readLongAgo_noData(int daysAgo, IndicatorState state) {
            UnitScore s = score(ScoringFixtures.withInteraction(healthy("a"), new UnitEvidence.InteractionFacts(
                    List.of(new UnitEvidence.Message("http://site.test/mail/1", DAY.minusDays(200), null,
                            MessageState.PENDING)), DAY.minusDays(daysAgo))));
            assertThat(indicator(s, "interaction").state()).isEqualTo(state);
            assertThat(s.vetoed()).isEqualTo(state == IndicatorState.SCORED);
        }

        @Test
        void noFacts_noDataNotZero() {
            UnitScore s = score(ScoringFixtures.withInteraction(healthy("a"), null));
            IndicatorResult r = indicator(s, "interaction");
            assertThat(r.state()).isEqualTo(IndicatorState.NO_DATA);
            assertThat(r.points()).isZero();
            assertThat(r.shortfall()).isZero();
            assertThat(r.reason()).contains("无数据");
            assertThat(s.scoredWeight()).isEqualTo(92.0);
            assertThat(s.total()).isEqualTo(100.0);
        }
    }

    @Nested
    class UnitLevel {

        @ParameterizedTest(name = "{0}, {1}/{2} probe failures -> {3}")
        @CsvSource({
                "CONNECTED,     0, 100, 10.0",
                "CONNECTED,     4, 100, 10.0",
                "CONNECTED,     5, 100,  7.0",
                "CONNECTED,    10,  19, 10.0",
                "PLANNED,       0,   0,  4.0",
                "NOT_CONNECTED, 0,   0,  0.0"})
        void network(NodeStatus status, int failures, int samples, double points) {
            UnitScore s = score(ScoringFixtures.withNode(healthy("a"),
                    new UnitEvidence.NodeEvidence(status, 1, samples, failures, "10.0.0.1:80")));
            expect(s, "network_coverage", points, false, false);
        }

        @Test
        void network_noNode_noData() {
            UnitScore s = score(ScoringFixtures.withNode(healthy("a"), null));
            assertThat(indicator(s, "network_coverage").state()).isEqualTo(IndicatorState.NO_DATA);
        }

        @ParameterizedTest(name = "{0} computers / 20 staff -> {1}")
        @CsvSource({"10, 10.0", "9, 8.0", "0, 8.0"})
        void lan_computersPerStaff(int computers, double points) {
            UnitScore s = score(ScoringFixtures.withReport(healthy("a"), new UnitEvidence.LanReport(DAY, true,
                    computers, 20, true, true, List.of("oa", "vertical_network", "video_conference", "database"))));
            expect(s, "lan_oa", points, false, false);
        }

        @Test
        void lanAndApplications_noApprovedReport_noData() {
            UnitScore s = score(ScoringFixtures.withReport(healthy("a"), null));
            assertThat(indicator(s, "lan_oa").state()).isEqualTo(IndicatorState.NO_DATA);
            assertThat(indicator(s, "applications").state()).isEqualTo(IndicatorState.NO_DATA);
            assertThat(s.scoredWeight()).isEqualTo(84.0);
        }

        @Test
        void lanAndApplications_nothing_cappedAtWeight() {
            UnitScore s = score(ScoringFixtures.withReport(healthy("a"), new UnitEvidence.LanReport(DAY, false, 0,
                    10, false, false, List.of())));
            expect(s, "lan_oa", 0.0, false, false);
            expect(s, "applications", 0.0, false, false);
        }

        @Test
        void liaison_missingOrNoPhone() {
            expect(score(ScoringFixtures.withLiaison(healthy("a"), null)), "liaison", 0.0, false, false);
            expect(score(ScoringFixtures.withLiaison(healthy("a"), new UnitEvidence.LiaisonFacts("李四", " ",
                    DAY))), "liaison", 3.0, false, false);
        }

        @ParameterizedTest(name = "{0} in 30 days, {1} in 90 -> {2}, warning {3}")
        @CsvSource({"4, 12, 8.0, false", "5, 12, 8.0, false", "3, 3, 6.0, false", "2, 2, 4.0, true",
                "0, 0, 0.0, true"})
        void contribution(int last30, int last90, double points, boolean warning) {
            UnitScore s = score(ScoringFixtures.withContributions(healthy("a"),
                    new UnitEvidence.Contributions(last30, last90)));
            expect(s, "contribution", points, false, warning);
        }
    }

    @Nested
    class TotalsAndGrades {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "80, GOOD", "79.99, PASS", "60, PASS",
                "59.99, FAIL", "0, FAIL"})
        void grade_lines(double total, Grade grade) {
            assertThat(ScoreCalculator.grade(total, CATALOGUE.grades())).isEqualTo(grade);
        }

        @Test
        void noData_excludedAndRenormalised() {
            // contribution (8) unknown, liaison missing (-4): 88 of 92 scored → 95.65.
            UnitEvidence e = ScoringFixtures.withLiaison(ScoringFixtures.withContributions(healthy("a"), null),
                    null);
            UnitScore s = score(e);
            assertThat(s.scoredWeight()).isEqualTo(92.0);
            assertThat(s.total()).isEqualTo(95.65);
        }

        /** A unit just registered (nothing but its name): 未评定, not 0 不合格 on the no-site and node rules. */
        @Test
        void nothingKnownYet_notRated() {
            UnitEvidence registeredOnly = new UnitEvidence(ScoringFixtures.unit("new", UnitKind.DEPARTMENT),
                    List.of(), null, null, null, new UnitEvidence.Contributions(0, 0), null);
            assertThat(score(registeredOnly).grade()).isEqualTo(Grade.NOT_RATED);
            // One fact is enough to be judged: a liaison alone leaves the no-site zeros in force.
            UnitScore withLiaison = score(new UnitEvidence(registeredOnly.unit(), List.of(), null, null,
                    new UnitEvidence.LiaisonFacts("王五", "1", DAY), null, null));
            assertThat(withLiaison.grade()).isEqualTo(Grade.FAIL);
            assertThat(withLiaison.scoredWeight()).isGreaterThan(50.0);
        }

        @Test
        void littleScored_notRatedNotRanked() {
            UnitEvidence e = new UnitEvidence(ScoringFixtures.unit("a", UnitKind.DEPARTMENT),
                    List.of(site(null, 0, 0)), null, null, new UnitEvidence.LiaisonFacts("王五", "1", DAY), null,
                    null);
            UnitScore s = score(e);
            assertThat(s.scoredWeight()).isEqualTo(4.0);
            assertThat(s.grade()).isEqualTo(Grade.NOT_RATED);
            assertThat(indicator(s, "homepage_freshness").reason()).contains("未监测");
        }

        @Test
        void staleOrUnreachableMeasurement_noData() {
            SiteMeasurement old = measurement(DAY, healthySections(), List.of(), List.of());
            old = new SiteMeasurement(old.url(), old.finalUrl(), old.kind(), true, 200, 1, "UTF-8", null,
                    old.homepage(), old.sections(), List.of(), List.of(), 1, List.of(), "h", DAY.minusDays(8), List.of(), List.of(), 0);
            assertThat(indicator(score(ScoringFixtures.withMeasurement(healthy("a"), old)), "homepage_freshness")
                    .state()).isEqualTo(IndicatorState.NO_DATA);
            SiteMeasurement down = new SiteMeasurement("http://site.test/", null, "DEPARTMENT", false, 0, 1, null,
                    "CONNECT_TIMEOUT", null, List.of(), List.of(), List.of(), 1, List.of(), null, DAY, List.of(), List.of(), 0);
            IndicatorResult r = indicator(score(ScoringFixtures.withMeasurement(healthy("a"), down)),
                    "blank_sections");
            assertThat(r.state()).isEqualTo(IndicatorState.NO_DATA);
            assertThat(r.reason()).contains("CONNECT_TIMEOUT");
        }

        @Test
        void townshipWithoutPage_websiteNotApplicable() {
            UnitEvidence e = ScoringFixtures.withUnit(ScoringFixtures.withSites(healthy("t"), List.of()),
                    ScoringFixtures.unit("t", UnitKind.TOWNSHIP));
            UnitScore s = score(e);
            assertThat(s.indicators()).filteredOn(r -> CATALOGUE.indicator(r.id()).orElseThrow().rule().website())
                    .isNotEmpty().allMatch(r -> r.state() == IndicatorState.NOT_APPLICABLE && r.reason() != null);
            assertThat(s.total()).isEqualTo(100.0);
            // Not applicable is not "no data": judged (and re-normalised) on the rest (互动回应 included: it is read
            // from the sites too).
            assertThat(s.scoredWeight()).isEqualTo(38.0);
            assertThat(s.grade()).isEqualTo(Grade.EXCELLENT);
        }

        @Test
        void townshipWithPageOnCountySite_judgedOnIt() {
            UnitEvidence e = ScoringFixtures.withUnit(ScoringFixtures.withSites(healthy("t"),
                    List.of(site(7, SiteKind.TOWNSHIP_PAGE, measurement(DAY.minusDays(20), healthySections(),
                            List.of(), List.of()), 1000, 0))), ScoringFixtures.unit("t", UnitKind.TOWNSHIP));
            UnitScore s = score(e);
            expect(s, "homepage_freshness", 0.0, true, false);
            assertThat(findings(s, "homepage_freshness", FindingKind.VETO).get(0).siteUrl())
                    .isEqualTo("http://site7.test/");
        }

        @Test
        void severalSites_worstCounts_otherVetoesListed() {
            UnitEvidence.SiteEvidence good = site(1, SiteKind.DEPARTMENT, healthyMeasurement(), 1000, 0);
            UnitEvidence.SiteEvidence bad = site(2, SiteKind.DEPARTMENT, measurement(DAY.minusDays(12),
                    healthySections(), List.of(), List.of()), 1000, 0);
            UnitEvidence.SiteEvidence dead = site(3, SiteKind.DEPARTMENT, measurement(DAY.minusDays(30),
                    healthySections(), List.of(), List.of()), 1000, 0);
            UnitScore s = score(ScoringFixtures.withSites(healthy("a"), List.of(good, bad)));
            expect(s, "homepage_freshness", 5.0, false, true);
            assertThat(indicator(s, "homepage_freshness").reason()).contains("http://site2.test/");
            UnitScore s2 = score(ScoringFixtures.withSites(healthy("a"), List.of(good, bad, dead)));
            assertThat(indicator(s2, "homepage_freshness").vetoed()).isTrue();
            assertThat(indicator(s2, "homepage_freshness").points()).isZero();
        }

        @ParameterizedTest(name = "portal losing {0} blank-section points -> total {1}, bonus {2}")
        @CsvSource({"0, 100.0, 0.0", "1, 100.0, 2.0", "3, 96.0, 2.0"})
        void portalBonus_cappedAt100(int blank, double total, double bonus) {
            List<Section> list = new ArrayList<>(healthySections());
            IntStream.range(0, blank).forEach(i -> list.add(section("forum", null, 0, 0, true)));
            UnitScore s = score(ScoringFixtures.withSites(healthy("p"), List.of(site(1, SiteKind.PORTAL,
                    measurement(DAY, list, List.of(), List.of()), 1000, 0))));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.bonus()).isEqualTo(bonus);
        }

        @Test
        void portalAt80_noBonus() {
            // Lose exactly 20 points: network not connected (10), LAN (10).
            UnitEvidence e = ScoringFixtures.withReport(ScoringFixtures.withNode(ScoringFixtures.withSites(
                    healthy("p"), List.of(site(1, SiteKind.PORTAL, healthyMeasurement(), 1000, 0))),
                    new UnitEvidence.NodeEvidence(NodeStatus.NOT_CONNECTED, null, 0, 0, null)),
                    new UnitEvidence.LanReport(DAY, false, 0, 10, false, false, List.of("oa", "vertical_network",
                            "video_conference", "database")));
            UnitScore s = score(e);
            assertThat(s.bonus()).isZero();
            assertThat(s.total()).isEqualTo(80.0);
            assertThat(s.grade()).isEqualTo(Grade.GOOD);
        }

        @Test
        void bottleneck_largestShortfall_tieInCatalogueOrder() {
            UnitEvidence e = ScoringFixtures.withNode(ScoringFixtures.withLiaison(healthy("a"), null),
                    new UnitEvidence.NodeEvidence(NodeStatus.PLANNED, null, 0, 0, null));
            UnitScore s = score(e);
            assertThat(s.bottleneck()).isEqualTo("network_coverage");
            assertThat(s.bottleneckShortfall()).isEqualTo(6.0);
            UnitScore tie = score(ScoringFixtures.withLiaison(ScoringFixtures.withMeasurement(healthy("b"),
                    measurement(DAY, healthySections(), List.of("mailbox", "forum"), List.of())), null));
            assertThat(tie.bottleneck()).isEqualTo("section_completeness");
        }
    }

    /** A unit without any monitored site: one rule for every site-based indicator, from the noSite policy. */
    @Nested
    class WithoutSite {

        /** Every site-based indicator of the catalogue, with a unit kind of each peer group. */
        static Stream<Arguments> siteBasedIndicators() {
            return CATALOGUE.indicators().stream().filter(i -> i.rule().website())
                    .flatMap(i -> Stream.of(UnitKind.DEPARTMENT, UnitKind.COUNTY, UnitKind.COUNTY_DEPARTMENT,
                            UnitKind.TOWNSHIP).map(kind -> Arguments.of(i.id(), kind)));
        }

        private UnitScore withoutSite(UnitKind kind) {
            return score(ScoringFixtures.withUnit(ScoringFixtures.withSites(healthy("n"), List.of()),
                    ScoringFixtures.unit("n", kind)));
        }

        @ParameterizedTest(name = "{0} of a {1} without site -> the group's noSite policy")
        @MethodSource("siteBasedIndicators")
        void siteBasedIndicator_followsPolicy_withoutFindingsOfItsOwn(String id, UnitKind kind) {
            UnitScore s = withoutSite(kind);
            IndicatorResult r = indicator(s, id);
            if (CATALOGUE.noSite(kind.defaultPeerGroup()) == IndicatorCatalogue.NoSitePolicy.ZERO) {
                assertThat(r.state()).isEqualTo(IndicatorState.NO_SITE);
                assertThat(r.points()).isZero();
                assertThat(r.shortfall()).isEqualTo(r.weight()).isPositive();
            } else {
                assertThat(r.state()).isEqualTo(IndicatorState.NOT_APPLICABLE);
            }
            assertThat(s.findings()).noneMatch(f -> f.indicator().equals(id));
        }

        @ParameterizedTest(name = "{0} without site: one 未建网站 finding, bottleneck 未建网站")
        @CsvSource({"DEPARTMENT, 38.0", "COUNTY, 38.0", "COUNTY_DEPARTMENT, 38.0"})
        void zeroPolicy_oneFinding_noSiteBottleneck(UnitKind kind, double total) {
            UnitScore s = withoutSite(kind);
            List<IndicatorResult> noSite = s.indicators().stream()
                    .filter(r -> r.state() == IndicatorState.NO_SITE).toList();
            double lost = noSite.stream().mapToDouble(IndicatorResult::weight).sum();
            assertThat(s.findings()).singleElement().satisfies(f -> {
                assertThat(f.indicator()).isEqualTo(NoSite.ID);
                assertThat(f.kind()).isEqualTo(FindingKind.DEDUCTION);
                assertThat(f.points()).isEqualTo(lost);
                assertThat(f.message()).startsWith("未建网站").contains("互动回应", "网站可用性");
                assertThat(f.hint()).isEqualTo(CATALOGUE.noSiteHint()).contains("部门专栏")
                        .doesNotContain("服务器", "域名");
            });
            assertThat(s.bottleneck()).isEqualTo(NoSite.ID).isNotEqualTo("availability");
            assertThat(s.bottleneckShortfall()).isEqualTo(lost);
            assertThat(CATALOGUE.indicatorName(s.bottleneck())).isEqualTo("未建网站");
            assertThat(s.scoredWeight()).isEqualTo(100.0);
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.grade()).isEqualTo(Grade.FAIL);
        }

        @Test
        void notApplicablePolicy_noFinding_bottleneckFromTheRest() {
            UnitScore s = withoutSite(UnitKind.TOWNSHIP);
            assertThat(s.findings()).isEmpty();
            assertThat(s.bottleneck()).isNull();
        }

        @Test
        void interactionUnread_withoutSite_sameAsOtherSiteIndicators() {
            UnitEvidence e = ScoringFixtures.withInteraction(ScoringFixtures.withSites(healthy("n"), List.of()),
                    null);
            assertThat(indicator(score(e), "interaction").state()).isEqualTo(IndicatorState.NO_SITE);
        }

        @Test
        void interactionUnread_withSite_stillNoData() {
            UnitEvidence e = ScoringFixtures.withInteraction(healthy("n"), null);
            assertThat(indicator(score(e), "interaction").state()).isEqualTo(IndicatorState.NO_DATA);
        }

        @Test
        void cityBottleneck_countsNoSiteOncePerUnit() {
            List<UnitScore> scores = List.of(withoutSite(UnitKind.DEPARTMENT), withoutSite(UnitKind.DEPARTMENT),
                    score(healthy("h")));
            List<CityBottleneck> list = Rankings.cityBottlenecks(scores, CATALOGUE);
            assertThat(list).first().satisfies(b -> {
                assertThat(b.indicator()).isEqualTo(NoSite.ID);
                assertThat(b.name()).isEqualTo("未建网站");
                assertThat(b.unitsAffected()).isEqualTo(2);
                assertThat(b.totalShortfall()).isEqualTo(124.0);
            });
            assertThat(list).extracting(CityBottleneck::indicator).doesNotContain("availability", "interaction");
        }
    }
}
