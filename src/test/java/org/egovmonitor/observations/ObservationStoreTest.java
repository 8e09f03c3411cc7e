package org.egovmonitor.observations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.egovmonitor.crawler.inspect.CheckOutcome;
import org.egovmonitor.crawler.inspect.CheckProblem;
import org.egovmonitor.crawler.inspect.CheckResult;
import org.egovmonitor.crawler.inspect.ProblemSeverity;
import org.egovmonitor.crawler.measure.SiteMeasurement;
import org.egovmonitor.crawler.measure.SiteMeasurement.BrokenLink;
import org.egovmonitor.crawler.measure.SiteMeasurement.CrawlError;
import org.egovmonitor.crawler.measure.SiteMeasurement.Entry;
import org.egovmonitor.crawler.measure.SiteMeasurement.Fetch;
import org.egovmonitor.crawler.measure.SiteMeasurement.Homepage;
import org.egovmonitor.crawler.measure.SiteMeasurement.LinkCheck;
import org.egovmonitor.crawler.measure.SiteMeasurement.Message;
import org.egovmonitor.crawler.measure.SiteMeasurement.Section;
import org.egovmonitor.crawler.parse.MessageState;
import org.egovmonitor.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ObservationStore on real PostgreSQL: exactly-once saves, rebuilding, history. */
class ObservationStoreTest {

    private static final LocalDate DAY = LocalDate.of(2025, 4, 15);

    private Jdbi jdbi;
    private ObservationStore store;
    private long siteId;

    @BeforeEach
    void setUp() {
        jdbi = TestPostgres.newDatabase().jdbi();
        store = new ObservationStore(jdbi);
        siteId = jdbi.withHandle(h -> {
            h.execute("INSERT INTO units (code, name, kind, peer_group) VALUES ('czs', '池州市', 'MUNICIPAL', 'X')");
            return h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                    + "('http://www.chizhou.gov.cn/', '池州市人民政府', 'PORTAL', 'czs') RETURNING id")
                    .mapTo(Long.class).one();
        });
    }

    private int count(String table) {
        Integer n = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
        return n;
    }

    static SiteMeasurement sample(LocalDate on) {
        String h = "http://www.chizhou.gov.cn";
        List<Entry> news = List.of(new Entry("池州召开电子政务建设工作会议", h + "/zwdt/1.html", on.minusDays(1)),
                new Entry("无日期条目", null, null));
        List<Entry> letters = List.of(new Entry("关于路灯维修的咨询", h + "/szxx/1.html", on.minusDays(30)),
                new Entry("【已办结】反映噪音扰民", h + "/szxx/2.html", on.minusDays(40)),
                new Entry("关于社保转移的咨询", null, on.minusDays(100)));
        List<Message> messages = List.of(
                new Message("关于路灯维修的咨询", h + "/szxx/1.html", on.minusDays(30), on.minusDays(25),
                        MessageState.ANSWERED),
                new Message("【已办结】反映噪音扰民", h + "/szxx/2.html", on.minusDays(40), null, MessageState.ANSWERED),
                new Message("关于社保转移的咨询", null, on.minusDays(100), null, MessageState.PENDING));
        return new SiteMeasurement(h + "/", h + "/index.asp", "PORTAL", true, 200, 321, "GB18030", null,
                new Homepage(on.minusDays(1), 1, false, List.of(news.get(0))),
                List.of(new Section("news", "政务动态", h + "/zwdt/", 200, on.minusDays(1), 2, 1, false, news),
                        // An index section: two sub-columns read, one more left for lack of page budget.
                        new Section("notices", "通知公告", h + "/tzgg/", 200, on.minusDays(200), 0, 0, false,
                                List.of(), List.of(), List.of(
                                new SiteMeasurement.Child("市级通知", h + "/tzgg/sjtz/", 200, on.minusDays(200), 4, 0,
                                        false),
                                new SiteMeasurement.Child("部门公告", h + "/tzgg/bmgg/", 200, null, 0, 0, true)), 1),
                        new Section("policy", "政策文件", h + "/zcwj/", 404, null, 0, 0, false, List.of()),
                        new Section("mailbox", "市长信箱", h + "/szxx/", 200, on.minusDays(30), 3, 0, false, letters,
                                messages),
                        new Section("forum", "网上咨询", h + "/wszx/", 200, null, 0, 0, true, List.of(), List.of())),
                List.of("open_gov"),
                List.of(new BrokenLink(h + "/zcwj/", 404, "HTTP_ERROR"), new BrokenLink("http://dead.example/",
                        null, "DNS_FAILURE")),
                4, List.of(new CrawlError(h + "/zcwj/", "HTTP_ERROR")), "ab12", on,
                List.of(new Fetch(h + "/", h + "/index.asp", "HOMEPAGE", 200, 321, 5000, "GB18030", null, SHA_HOME),
                        new Fetch(h + "/zwdt/", h + "/zwdt/", "SECTION", 200, 20, 3000, "GB18030", null, SHA_NEWS),
                        new Fetch(h + "/tzgg/", h + "/tzgg/", "SECTION", 200, 20, 3000, "GB18030", null),
                        new Fetch(h + "/zcwj/", h + "/zcwj/", "SECTION", 404, 5, 0, null, "HTTP_ERROR")),
                List.of(new LinkCheck(h + "/zwdt/", 200, null, false), new LinkCheck(h + "/zcwj/", 404,
                        "HTTP_ERROR", true), new LinkCheck("http://dead.example/", 0, "DNS_FAILURE", true)), 7,
                List.of(CheckResult.judged("wording", "检查首页及抽查文章 3 篇，发现错误用词 1 处",
                                List.of(new CheckProblem("misused_word", ProblemSeverity.DEDUCT,
                                        "“其它”应为“其他”", h + "/zwdt/1.html", "及其它有关部门", "其他"),
                                        new CheckProblem("sensitive_word", ProblemSeverity.SEVERE, "出现敏感词",
                                                h + "/", "某<敏感>词 \"引号\"", null)),
                                Map.of("pagesChecked", 4.0, "hits", 2.0)),
                        CheckResult.notChecked("service_guides", "未找到办事指南栏目"),
                        new CheckResult("https", CheckOutcome.WARNED, "证书 20 天后到期",
                                List.of(new CheckProblem("cert_expiring", ProblemSeverity.WARN, "证书即将到期", null,
                                        null, null)), Map.of())));
    }

    static final String SHA_HOME = "a".repeat(64);
    static final String SHA_NEWS = "0123456789abcdef".repeat(4);

    @Nested
    class Save {

        @Test
        void save_newTaskKey_storesAndRebuildsEqual() {
            SiteMeasurement m = sample(DAY);
            assertThat(store.save("crawl-item:1", siteId, m, Instant.parse("2025-04-15T02:00:00Z"))).isTrue();
            StoredMeasurement latest = store.latest(siteId).orElseThrow();
            assertThat(latest.taskKey()).isEqualTo("crawl-item:1");
            assertThat(latest.measurement()).isEqualTo(m);
            // the check results and the fetches' snapshots are part of what is rebuilt
            assertThat(latest.measurement().checks()).hasSize(3).isEqualTo(m.checks());
            assertThat(latest.measurement().fetches()).extracting(Fetch::sha256)
                    .containsExactly(SHA_HOME, SHA_NEWS, null, null);
            assertThat(count("measurement_checks")).isEqualTo(3);
        }

        @Test
        void save_sameTaskKeyTwice_secondReturnsFalseAndWritesNothing() {
            assertThat(store.save("crawl-item:2", siteId, sample(DAY), Instant.now())).isTrue();
            assertThat(store.save("crawl-item:2", siteId, sample(DAY.plusDays(1)), Instant.now())).isFalse();
            assertThat(store.history(siteId, 10)).hasSize(1);
            assertThat(count("measurement_fetches")).isEqualTo(4);
            assertThat(count("measurement_messages")).isEqualTo(3);
        }

        @Test
        void save_concurrentSameTaskKey_exactlyOneStored() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> saves = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    saves.add(() -> store.save("crawl-item:3", siteId, sample(DAY), Instant.now()));
                }
                int stored = 0;
                for (Future<Boolean> f : pool.invokeAll(saves)) {
                    stored += f.get() ? 1 : 0;
                }
                assertThat(stored).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(count("measurement_sections")).isEqualTo(5);
            assertThat(count("measurement_messages")).isEqualTo(3);
        }

        @Test
        void save_messages_rebuiltInOrderWithDatesAndStates() {
            SiteMeasurement m = sample(DAY);
            store.save("crawl-item:4", siteId, m, Instant.now());
            Section mailbox = store.latest(siteId).orElseThrow().measurement().sections().get(3);
            assertThat(mailbox.messages()).isEqualTo(m.sections().get(3).messages());
            assertThat(mailbox.messages()).extracting(Message::state).containsExactly(MessageState.ANSWERED,
                    MessageState.ANSWERED, MessageState.PENDING);
            assertThat(store.latest(siteId).orElseThrow().measurement().sections().get(4).messages()).isEmpty();
        }

        @Test
        void delete_measurement_cascadesToItsMessages() {
            store.save("crawl-item:5", siteId, sample(DAY), Instant.now());
            jdbi.useHandle(h -> h.execute("DELETE FROM measurements"));
            assertThat(count("measurement_messages")).isZero();
            assertThat(count("measurement_section_children")).isZero();
        }

        @Test
        void save_sectionChildren_rebuiltInOrderWithBudgetCut() {
            store.save("crawl-item:6", siteId, sample(DAY), Instant.now());
            Section notices = store.latest(siteId).orElseThrow().measurement().sections().get(1);
            assertThat(notices.children()).extracting(SiteMeasurement.Child::title, SiteMeasurement.Child::blank)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("市级通知", false),
                            org.assertj.core.groups.Tuple.tuple("部门公告", true));
            assertThat(notices.childrenNotFetched()).isEqualTo(1);
        }

        @Test
        void save_unreachableSite_rebuildsWithItsError() {
            SiteMeasurement down = new SiteMeasurement("http://down.example/", null, "COUNTY", false, 0, 15000, null,
                    "DEADLINE_EXCEEDED", new Homepage(null, 0, true, List.of()), List.of(), List.of(), List.of(), 1,
                    List.of(new CrawlError("http://down.example/", "DEADLINE_EXCEEDED")), null, DAY,
                    List.of(new Fetch("http://down.example/", "http://down.example/", "HOMEPAGE", 0, 15000, 0, null,
                            "DEADLINE_EXCEEDED")), List.of(), 0);
            assertThat(store.save("probe:9", siteId, down, Instant.now())).isTrue();
            assertThat(store.latest(siteId).orElseThrow().measurement()).isEqualTo(down);
        }
    }

    @Nested
    class Read {

        @Test
        void history_severalMeasurements_newestFirstWithinLimit() {
            for (int i = 0; i < 5; i++) {
                store.save("t:" + i, siteId, sample(DAY.plusDays(i)), Instant.parse("2025-04-15T00:00:00Z")
                        .plusSeconds(3600L * i));
            }
            List<MeasurementSummary> h = store.history(siteId, 3);
            assertThat(h).extracting(MeasurementSummary::taskKey).containsExactly("t:4", "t:3", "t:2");
            assertThat(store.latest(siteId).orElseThrow().measurement().measuredOn()).isEqualTo(DAY.plusDays(4));
        }

        @Test
        void latestOnOrBefore_manySites_bulkRebuildEqualsOneByOne() {
            List<Long> sites = new java.util.ArrayList<>(List.of(siteId));
            for (int i = 0; i < 3; i++) {
                int n = i;
                sites.add(jdbi.withHandle(h -> h.createQuery("INSERT INTO sites (url, name, kind, unit_code) VALUES "
                        + "('http://s" + n + ".chizhou.gov.cn/', '站点" + n + "', 'DEPARTMENT', 'czs') RETURNING id")
                        .mapTo(Long.class).one()));
            }
            Instant t0 = Instant.parse("2025-04-10T00:00:00Z");
            // site 0: three days, the middle one is the newest on or before DAY + 1
            store.save("a:0", sites.get(0), sample(DAY.minusDays(1)), t0);
            store.save("a:1", sites.get(0), sample(DAY.plusDays(1)), t0.plusSeconds(86_400));
            store.save("a:2", sites.get(0), sample(DAY.plusDays(5)), t0.plusSeconds(2 * 86_400));
            // site 1: one measurement; site 2: only after the day; site 3: none
            store.save("b:0", sites.get(1), sample(DAY), t0);
            store.save("c:0", sites.get(2), sample(DAY.plusDays(9)), t0);

            Map<Long, StoredMeasurement> bulk = store.latestOnOrBefore(DAY.plusDays(1), ObservationStore.Detail.WHOLE);
            Map<Long, StoredMeasurement> light = store.latestOnOrBefore(DAY.plusDays(1),
                    ObservationStore.Detail.FOR_SCORING);

            assertThat(bulk).containsOnlyKeys(sites.get(0), sites.get(1));
            assertThat(bulk.get(sites.get(0)).taskKey()).isEqualTo("a:1");
            for (Map.Entry<Long, StoredMeasurement> e : bulk.entrySet()) {
                assertThat(e.getValue()).isEqualTo(store.find(e.getValue().id()).orElseThrow());
                assertThat(e.getValue().measurement().sections()).isNotEmpty();
                // Scoring's read: the same but for list entries and fetch records.
                SiteMeasurement whole = e.getValue().measurement();
                SiteMeasurement forScoring = light.get(e.getKey()).measurement();
                assertThat(forScoring.sections()).extracting(SiteMeasurement.Section::newestDate)
                        .isEqualTo(whole.sections().stream().map(SiteMeasurement.Section::newestDate).toList());
                assertThat(forScoring.sections()).allSatisfy(sec -> assertThat(sec.entries()).isEmpty());
                assertThat(forScoring.sections()).extracting(SiteMeasurement.Section::messages)
                        .isEqualTo(whole.sections().stream().map(SiteMeasurement.Section::messages).toList());
                assertThat(forScoring.brokenLinks()).isEqualTo(whole.brokenLinks());
                assertThat(forScoring.homepage().newestDate()).isEqualTo(whole.homepage().newestDate());
                // of the fetch records only which page has which snapshot, for the findings' evidence
                assertThat(forScoring.fetches()).extracting(Fetch::url, Fetch::sha256).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("http://www.chizhou.gov.cn/", SHA_HOME),
                        org.assertj.core.groups.Tuple.tuple("http://www.chizhou.gov.cn/zwdt/", SHA_NEWS));
                assertThat(forScoring.checks()).isEqualTo(whole.checks()).hasSize(3);
            }
            assertThat(store.latestOnOrBefore(DAY.minusDays(30), ObservationStore.Detail.WHOLE)).isEmpty();
        }

        @Test
        void latest_siteWithoutMeasurements_isEmpty() {
            assertThat(store.latest(siteId)).isEmpty();
            assertThat(store.history(siteId, 10)).isEmpty();
        }
    }
}
