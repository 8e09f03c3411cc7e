package org.egovmonitor.retention;

import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.Child;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.LinkCheck;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.observations.EvidenceStore;
import org.egovmonitor.observations.ObservationStore;
import org.egovmonitor.scoring.DaySnapshot;
import org.egovmonitor.scoring.IndicatorCatalogue;
import org.egovmonitor.scoring.IndicatorResult;
import org.egovmonitor.scoring.ObservationFacts;
import org.egovmonitor.scoring.RankedScore;
import org.egovmonitor.scoring.ScoreSnapshotService;
import org.egovmonitor.scoring.StoredEvidenceSource;
import org.egovmonitor.scoring.StoredObservationFacts;
import org.egovmonitor.scoring.UnitEvidence;
import org.egovmonitor.testing.TestPostgres;
import org.egovmonitor.web.StrictJsonModule;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on real PostgreSQL, through scoring: an old day's raw rows are rolled up and deleted, a day inside the
 * window is untouched, and a rescore of the old day still equals the snapshot taken before.
 */
class RetentionServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2024, 10, 15);
    /** rawDays 90: raw rows of 2024-07-17 and later are kept. */
    private static final LocalDate CUTOFF = TODAY.minusDays(90);
    private static final LocalDate OLD = LocalDate.of(2024, 6, 30);
    private static final LocalDate RECENT = TODAY.minusDays(5);

    private Jdbi jdbi;
    private ObservationStore store;
    private ScoreSnapshotService scoring;
    private RetentionService retention;
    private long siteA;
    private long siteB;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        store = new ObservationStore(jdbi);
        // The observation-backed facts as the app wires them; contributions and self-reports are not observations
        // retention touches, so they stay out (no data either side of the comparison).
        StoredObservationFacts stored = new StoredObservationFacts(jdbi, store, null, ZONE);
        ObservationFacts facts = new ObservationFacts() {
            @Override
            public Map<Long, SiteMeasurement> latestMeasurements(LocalDate day) {
                return stored.latestMeasurements(day);
            }

            @Override
            public String noMeasurementReason() {
                return stored.noMeasurementReason();
            }

            @Override
            public Map<String, UnitEvidence.InteractionFacts> interactions(LocalDate day,
                                                                           Map<Long, SiteMeasurement> latest) {
                return stored.interactions(day, latest);
            }
        };
        IndicatorCatalogue catalogue = IndicatorCatalogue.loadDefault();
        scoring = new ScoreSnapshotService(jdbi, new StoredEvidenceSource(jdbi, ZONE, catalogue.probeWindowDays(),
                facts), catalogue, StrictJsonModule.configure(Jackson.newObjectMapper()), clock);
        RetentionSettings settings = new RetentionSettings();
        settings.setRawDays(90);
        // small batches, so that a site-day's rows take several delete statements
        settings.setBatchRows(100);
        retention = new RetentionService(jdbi, settings, clock);
        siteA = registerSite("dept-a");
        siteB = registerSite("dept-b");
    }

    private long registerSite(String unit) {
        return jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES (?, ?, 'DEPARTMENT', 'DEPARTMENTS')",
                    unit, "单位" + unit);
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES (:url, :name, 'DEPARTMENT', "
                            + ":unit) RETURNING id").bind("url", "http://" + unit + ".test/").bind("name", unit)
                    .bind("unit", unit).mapTo(Long.class).one();
        });
    }

    /**
     * A crawl as the engine stores it: list entries (and their dates, which the update volume counts and retention
     * keeps), messages, sub-columns, fetches and link checks.
     */
    private static SiteMeasurement crawl(String unit, LocalDate day, int brokenLinks) {
        String base = "http://" + unit + ".test/";
        List<Section> sections = new ArrayList<>();
        for (String family : List.of("news", "notices", "policy", "open_gov", "service_guide", "mailbox")) {
            List<Entry> entries = new ArrayList<>();
            for (int e = 0; e < 12; e++) {
                entries.add(new Entry(family + "条目" + e, base + family + "/" + e + ".html", day.minusDays(4L * e)));
            }
            List<Message> messages = !family.equals("mailbox") ? List.of() : List.of(
                    new Message("来信1", base + "mail/1.html", day.minusDays(20), day.minusDays(15),
                            MessageState.ANSWERED),
                    new Message("来信2", base + "mail/2.html", day.minusDays(40), null, MessageState.PENDING));
            List<Child> children = !family.equals("open_gov") ? List.of() : List.of(
                    new Child("政策解读", base + "open_gov/jd/", 200, day.minusDays(9), 10, 2, false));
            sections.add(new Section(family, family + "栏目", base + family + "/", 200, day.minusDays(1), 12, 4, false,
                    entries, messages, children, 0, Section.datesOf(entries)));
        }
        List<Entry> home = new ArrayList<>();
        List<LinkCheck> checks = new ArrayList<>();
        for (int k = 0; k < 15; k++) {
            home.add(new Entry("要闻" + k, base + "news/" + k + ".html", k % 5 == 0 ? null : day.minusDays(k)));
            boolean broken = k < brokenLinks;
            // one broken link answered 404, the others never answered
            checks.add(new LinkCheck(base + "l/" + k, broken ? (k == 0 ? 404 : 0) : 200,
                    broken && k > 0 ? "TIMEOUT" : null, broken));
        }
        List<Fetch> fetches = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            // every page that answered has its snapshot; the sixth GET was of a homepage link that is then judged
            // by it (broken link l/0), so the link-health finding carries that page's snapshot
            String url = k == 6 ? base + "l/0" : base + k;
            fetches.add(new Fetch(url, url, k == 0 ? "HOMEPAGE" : "SECTION", k == 7 ? 0 : 200, 50 + k,
                    k == 7 ? 0 : 10_000, "UTF-8", k == 7 ? "CONNECT_FAILED" : null, k == 7 ? null : sha(unit, day, k)));
        }
        List<SiteMeasurement.BrokenLink> broken = checks.stream().filter(LinkCheck::broken)
                .map(c -> new SiteMeasurement.BrokenLink(c.url(), c.status() > 0 ? c.status() : null, c.error()))
                .toList();
        return new SiteMeasurement(base, base + "index.html", "DEPARTMENT", true, 200, 90, "UTF-8", null,
                new SiteMeasurement.Homepage(day.minusDays(1), 12, false, home), sections, List.of(), broken, 8,
                List.of(), "hash-" + unit + day, day, fetches, checks, 0,
                List.of(CheckResult.judged("wording", "抽查文章 3 篇，发现错误用词 1 处", List.of(new CheckProblem(
                        "misused_word", ProblemSeverity.DEDUCT, "“其它”应为“其他”", base + "1", "其它", "其他")),
                        Map.of("hits", 1.0))));
    }

    /** A made-up snapshot name, distinct per site, day and fetch. */
    static String sha(String unit, LocalDate day, int k) {
        return String.format("%064x", new java.math.BigInteger(1, (unit + day + "#" + k)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 64);
    }

    private void save(String key, long site, String unit, LocalDate day, int hourUtc, int brokenLinks) {
        store.save(key, site, crawl(unit, day, brokenLinks), day.atTime(hourUtc, 0).atZone(ZoneId.of("UTC"))
                .toInstant());
    }

    private long rawRows(String table, String dayCondition) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " t JOIN measurements m "
                + "ON m.id = t.measurement_id WHERE " + dayCondition).bind("cutoff", CUTOFF).mapTo(Long.class).one());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private long measurementId(String taskKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM measurements WHERE task_key = :k").bind("k", taskKey)
                .mapTo(Long.class).one());
    }

    private static IndicatorResult indicator(DaySnapshot snapshot, String unit, String id) {
        RankedScore score = snapshot.units().stream().filter(r -> r.score().unitCode().equals(unit)).findFirst()
                .orElseThrow();
        return score.score().indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void run_oldDaysRolledUpAndDeleted_rescoreOfOldDayEqualsItsSnapshot_recentDayUntouched() throws Exception {
        // dept-a: a crawl the day before, two on the old day (the later one is the one scoring reads), one recently.
        save("a-1", siteA, "dept-a", OLD.minusDays(1), 1, 1);
        save("a-2", siteA, "dept-a", OLD, 1, 3);
        save("a-3", siteA, "dept-a", OLD, 6, 2);
        save("a-4", siteA, "dept-a", RECENT, 1, 4);
        // dept-b: its newest crawl before the old day is three days older (scoring of the old day reaches back).
        save("b-1", siteB, "dept-b", OLD.minusDays(3), 1, 1);
        save("b-2", siteB, "dept-b", RECENT, 1, 0);
        scoring.snapshot(OLD);
        scoring.snapshot(RECENT);
        DaySnapshot oldBefore = scoring.stored(OLD);
        DaySnapshot recentBefore = scoring.stored(RECENT);
        String before = "m.measured_on < :cutoff";
        String kept = "m.measured_on >= :cutoff";
        long recentItems = rawRows("measurement_items", kept);
        long recentFetches = rawRows("measurement_fetches", kept);
        long recentChecks = rawRows("measurement_link_checks", kept);
        assertThat(indicator(oldBefore, "dept-a", "link_health").observed()).isEqualTo("首页错误链接 2 个");
        assertThat(indicator(oldBefore, "dept-b", "link_health").observed()).isEqualTo("首页错误链接 1 个");
        // Counted from the entry dates (4 of 12 within the 14-day news window), which retention keeps.
        assertThat(indicator(oldBefore, "dept-a", "update_volume").observed())
                .isEqualTo("政务动态类栏目每 30 天约 8.57 条");

        RetentionService.Plan plan = retention.plan();
        assertThat(plan.cutoff()).isEqualTo(CUTOFF);
        assertThat(plan.siteDays()).isEqualTo(3);
        assertThat(plan.days()).isEqualTo(3);
        assertThat(plan.rows().measurements()).isEqualTo(4);
        // per crawl: 6 sections × 12 entries + 15 homepage entries, 8 fetches, 15 link checks
        assertThat(plan.rows().listEntries()).isEqualTo(4 * 87);
        assertThat(plan.rows().fetches()).isEqualTo(4 * 8);
        assertThat(plan.rows().linkChecks()).isEqualTo(4 * 15);
        assertThat(plan.describe()).contains("3 个网站日", "删除原始记录 440 行");

        List<Integer> batches = new ArrayList<>();
        RetentionService.Result result = retention.run(new RetentionService.Progress() {
            @Override
            public void started(int siteDays) {
                assertThat(siteDays).isEqualTo(3);
            }

            @Override
            public void batch(int siteDays, long rowsDeleted) {
                batches.add(siteDays);
            }
        });

        assertThat(result.siteDays()).isEqualTo(3);
        assertThat(result.rowsDeleted()).isEqualTo(plan.rowsToDelete());
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(result.describe()).contains("汇总 3 个网站日", "2024-06-27 至 2024-06-30", "删除原始记录 440 行");
        // raw rows before the cutoff gone, those after it all there
        assertThat(rawRows("measurement_items", before)).isZero();
        assertThat(rawRows("measurement_fetches", before)).isZero();
        assertThat(rawRows("measurement_link_checks", before)).isZero();
        assertThat(rawRows("measurement_items", kept)).isEqualTo(recentItems).isEqualTo(2 * 87);
        assertThat(rawRows("measurement_fetches", kept)).isEqualTo(recentFetches).isEqualTo(2 * 8);
        assertThat(rawRows("measurement_link_checks", kept)).isEqualTo(recentChecks).isEqualTo(2 * 15);
        // measurements, sections and messages kept
        assertThat(count("SELECT count(*) FROM measurements")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM measurement_sections")).isEqualTo(6 * 6);
        assertThat(count("SELECT count(*) FROM measurement_messages")).isEqualTo(6 * 2);
        assertThat(count("SELECT count(*) FROM measurement_section_children")).isEqualTo(6);
        // the roll-up of the old day of dept-a: both crawls counted, the later one's broken links kept
        Map<String, Object> facts = jdbi.withHandle(h -> h.createQuery("SELECT * FROM site_daily_facts "
                + "WHERE site_id = :s AND day = :d").bind("s", siteA).bind("d", OLD).mapToMap().one());
        assertThat(facts).containsEntry("measurements", 2)
                .containsEntry("last_measurement_id", measurementId("a-3"))
                .containsEntry("list_entries", 2 * 87).containsEntry("dated_entries", 2 * 84)
                .containsEntry("newest_entry", java.sql.Date.valueOf(OLD))
                .containsEntry("fetches", 16).containsEntry("failed_fetches", 2)
                .containsEntry("fetched_bytes", 2 * 70_000L).containsEntry("fetch_ms", 2 * 428L)
                .containsEntry("link_checks", 30).containsEntry("broken_links", 5);
        assertThat(count("SELECT count(*) FROM site_daily_facts")).isEqualTo(3);
        // the old crawl is rebuilt with the broken links the roll-up kept
        SiteMeasurement rebuilt = store.find(measurementId("a-3")).orElseThrow().measurement();
        assertThat(rebuilt.brokenLinks()).containsExactly(
                new SiteMeasurement.BrokenLink("http://dept-a.test/l/0", 404, null),
                new SiteMeasurement.BrokenLink("http://dept-a.test/l/1", null, "TIMEOUT"));
        assertThat(rebuilt.homepage().entries()).isEmpty();
        // of the fetch records, which page had which snapshot (the roll-up's last_snapshots) and the check results
        assertThat(rebuilt.fetches()).extracting(Fetch::url, Fetch::sha256).hasSize(7)
                .contains(org.assertj.core.groups.Tuple.tuple("http://dept-a.test/l/0", sha("dept-a", OLD, 6)));
        assertThat(rebuilt.checks()).isEqualTo(crawl("dept-a", OLD, 2).checks());
        // the finding on the broken link carries the snapshot of the page, before and after the roll-up
        assertThat(oldBefore.units().stream().filter(r -> r.score().unitCode().equals("dept-a")).findFirst()
                .orElseThrow().score().findings()).filteredOn(f -> f.indicator().equals("link_health"))
                .extracting(f -> f.evidence().url(), f -> f.evidence().snapshot())
                .contains(org.assertj.core.groups.Tuple.tuple("http://dept-a.test/l/0", sha("dept-a", OLD, 6)),
                        org.assertj.core.groups.Tuple.tuple("http://dept-a.test/l/1", null));
        // the entries are gone, their dates stay on the sections: the update volume still counts them
        assertThat(rebuilt.sections()).allSatisfy(s -> assertThat(s.entries()).isEmpty())
                .allSatisfy(s -> assertThat(s.entryDates()).hasSize(12));

        // the key property: rescoring the old day (and the recent one) gives the stored snapshots
        assertThat(scoring.recompute(OLD)).isEqualTo(oldBefore);
        assertThat(scoring.recompute(RECENT)).isEqualTo(recentBefore);
        SiteMeasurement recent = store.find(measurementId("a-4")).orElseThrow().measurement();
        SiteMeasurement saved = crawl("dept-a", RECENT, 4);
        assertThat(recent.homepage()).isEqualTo(saved.homepage());
        assertThat(recent.sections()).isEqualTo(saved.sections());
        assertThat(recent.fetches()).isEqualTo(saved.fetches());
        assertThat(recent.linkChecks()).isEqualTo(saved.linkChecks());

        // nothing left to do: a second run changes nothing
        RetentionService.Result again = retention.run(RetentionService.Progress.NONE);
        assertThat(again.siteDays()).isZero();
        assertThat(again.describe()).contains("没有需要汇总的原始记录");
        assertThat(retention.plan().siteDays()).isZero();
        assertThat(scoring.recompute(OLD)).isEqualTo(oldBefore);
    }

    @Test
    void run_snapshotsNotSeenForSnapshotDays_deleted_butThoseAnOpenTaskRestsOn() throws Exception {
        save("a-1", siteA, "dept-a", OLD, 1, 2);
        scoring.snapshot(OLD);
        String onTask = sha("dept-a", OLD, 6);
        String onClosedTask = sha("dept-a", OLD, 1);
        String forgotten = sha("dept-a", OLD, 2);
        String recent = sha("dept-a", OLD, 3);
        Clock longAgo = Clock.fixed(TODAY.minusDays(500).atStartOfDay(ZONE).toInstant(), ZONE);
        Clock lately = Clock.fixed(TODAY.minusDays(399).atStartOfDay(ZONE).toInstant(), ZONE);
        byte[] page = "<html><body>页面</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new EvidenceStore(jdbi, longAgo).keep("http://dept-a.test/l/0", onTask, page, "text/html", "UTF-8");
        new EvidenceStore(jdbi, longAgo).keep("http://dept-a.test/1", onClosedTask, page, "text/html", "UTF-8");
        new EvidenceStore(jdbi, longAgo).keep("http://dept-a.test/2", forgotten, page, "text/html", "UTF-8");
        new EvidenceStore(jdbi, lately).keep("http://dept-a.test/3", recent, page, "text/html", "UTF-8");
        // the open task was issued for the broken-link finding whose page is the snapshot onTask; a closed one (for
        // the made-up finding of page /1) protects nothing
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO rectification_tasks (unit_code, indicator, indicator_name, finding_kind, site_url,
                                                 evidence_url, message, snapshot_day, deadline, status, issued_by)
                VALUES ('dept-a', 'link_health', '链接可用性', 'DEDUCTION', 'http://dept-a.test/',
                        'http://dept-a.test/l/0', '首页链接不可用', ?, ?, 'OPEN', 'office'),
                       ('dept-a', 'link_health', '链接可用性', 'DEDUCTION', 'http://dept-a.test/',
                        'http://dept-a.test/1', '首页链接不可用', ?, ?, 'CLOSED', 'office')
                """, OLD, OLD.plusDays(15), OLD, OLD.plusDays(15)));

        RetentionService.Result result = retention.run(RetentionService.Progress.NONE);

        assertThat(result.snapshots()).isEqualTo(2);
        assertThat(result.describe()).contains("网页快照 2 个");
        List<String> left = jdbi.withHandle(h -> h.createQuery("SELECT sha256 FROM evidence_snapshots ORDER BY 1")
                .mapTo(String.class).list());
        assertThat(left).containsExactlyInAnyOrder(onTask, recent);
    }

    @Test
    void nextChunk_sizedToTheTargetRows() {
        assertThat(RetentionService.nextChunk(10, 500, 5_000)).isEqualTo(100);
        assertThat(RetentionService.nextChunk(10, 50_000, 5_000)).isEqualTo(1);
        assertThat(RetentionService.nextChunk(10, 0, 5_000)).isEqualTo(20);
        assertThat(RetentionService.nextChunk(900, 1, 5_000)).isEqualTo(1_000);
    }
}
