package org.egovmonitor.jobs;

import java.time.Duration;
import java.util.stream.Stream;
import org.egovmonitor.jobs.CrawlWorkerSizing.Bound;
import org.egovmonitor.jobs.CrawlWorkerSizing.Decision;
import org.egovmonitor.jobs.CrawlWorkerSizing.Demand;
import org.egovmonitor.jobs.CrawlWorkerSizing.NodeLimits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlWorkerSizingTest {

    private static final long MIB = 1024L * 1024;
    private static final long WORKER = 8 * MIB;
    /** config.yml's pool (32) on a 512 MB heap: 24 by the pool (8 kept), 48 by memory (128 MB kept). */
    private static final NodeLimits POOL_32 = new NodeLimits(32, 512 * MIB, WORKER);
    /** A pool of 96 on a 512 MB heap: 72 by the pool, 48 by memory. */
    private static final NodeLimits HEAP_512 = new NodeLimits(96, 512 * MIB, WORKER);
    /** A pool of 96 on a 6 GB heap: 72 by the pool, 576 by memory. */
    private static final NodeLimits POOL_96 = new NodeLimits(96, 6144 * MIB, WORKER);
    /** Room for more than the maximum. */
    private static final NodeLimits LARGE = new NodeLimits(400, 8192 * MIB, WORKER);
    /** A pool of 4: 3 kept for requests, 1 left. */
    private static final NodeLimits TINY_POOL = new NodeLimits(4, 512 * MIB, WORKER);

    static Stream<Arguments> table() {
        return Stream.of(
                // sites, seconds per site, window, nodes, limits -> workers, needed, bound
                Arguments.of(0, 30, Duration.ofHours(2), 1, POOL_32, 4, 0, Bound.FLOOR),
                Arguments.of(100, 30, Duration.ofHours(2), 1, POOL_32, 4, 1, Bound.FLOOR),
                Arguments.of(2_000, 30, Duration.ofHours(2), 1, POOL_32, 17, 17, Bound.DEMAND),
                Arguments.of(14_000, 30, Duration.ofHours(2), 1, POOL_32, 24, 117, Bound.DATABASE_POOL),
                Arguments.of(14_000, 30, Duration.ofHours(2), 2, POOL_32, 24, 59, Bound.DATABASE_POOL),
                Arguments.of(14_000, 11, Duration.ofHours(2), 1, HEAP_512, 43, 43, Bound.DEMAND),
                Arguments.of(14_000, 30, Duration.ofHours(2), 1, HEAP_512, 48, 117, Bound.MEMORY),
                Arguments.of(14_000, 30, Duration.ofHours(2), 1, POOL_96, 72, 117, Bound.DATABASE_POOL),
                Arguments.of(14_000, 30, Duration.ofHours(2), 3, POOL_96, 39, 39, Bound.DEMAND),
                Arguments.of(14_000, 30, Duration.ofHours(1), 1, LARGE, 234, 234, Bound.DEMAND),
                Arguments.of(14_000, 60, Duration.ofHours(1), 1, LARGE, 256, 467, Bound.MAXIMUM),
                Arguments.of(10, 30, Duration.ofSeconds(100), 1, POOL_32, 6, 6, Bound.DEMAND),
                Arguments.of(500, 30, Duration.ofHours(2), 1, TINY_POOL, 1, 5, Bound.DATABASE_POOL));
    }

    @ParameterizedTest(name = "{0} sites × {1} s, window {2}, {3} node(s) → {5} ({7})")
    @MethodSource("table")
    void decide_table(int sites, double secondsPerSite, Duration window, int nodes, NodeLimits limits,
                      int workers, int needed, Bound bound) {
        Decision d = CrawlWorkerSizing.decide(new Demand(sites, secondsPerSite, 0, window, nodes), limits);
        assertThat(d.workers()).as(d.note()).isEqualTo(workers);
        assertThat(d.needed()).isEqualTo(needed);
        assertThat(d.bound()).isEqualTo(bound);
        assertThat(d.note()).contains("每节点需 " + needed + " 个采集线程").contains("本节点用 " + workers + " 个");
    }

    @Nested
    class Limits {

        @Test
        void ceilings_pool32Heap512_poolKeepsEightAndMemoryKeeps128Mib() {
            assertThat(POOL_32.poolHeadroom()).isEqualTo(8);
            assertThat(POOL_32.poolCeiling()).isEqualTo(24);
            assertThat(POOL_32.heapReserve()).isEqualTo(128 * MIB);
            assertThat(POOL_32.memoryCeiling()).isEqualTo(48);
            assertThat(POOL_32.ceiling()).isEqualTo(24);
        }

        @Test
        void ceilings_bigPool_keepsAQuarter() {
            assertThat(POOL_96.poolHeadroom()).isEqualTo(24);
            assertThat(POOL_96.heapReserve()).isEqualTo(1536 * MIB);
            assertThat(POOL_96.memoryCeiling()).isEqualTo(576);
        }

        @Test
        void ceilings_heapBelowReserve_stillOneWorker() {
            assertThat(new NodeLimits(32, 64 * MIB, WORKER).ceiling()).isEqualTo(1);
        }
    }

    @Nested
    class FetcherSlots {

        @Test
        void forWorkers_globalLimitBelowTheWorkers_raisedToThem() {
            var defaults = org.egovmonitor.crawler.fetch.FetchSettings.defaults();
            assertThat(defaults.globalConcurrency()).isEqualTo(64);
            var raised = CrawlSettingsFile.forWorkers(defaults, 72);
            assertThat(raised.globalConcurrency()).isEqualTo(72);
            assertThat(raised.perHostConcurrency()).isEqualTo(defaults.perHostConcurrency());
            assertThat(raised.perHostDelayMs()).isEqualTo(defaults.perHostDelayMs());
            assertThat(raised.deadlineMs()).isEqualTo(defaults.deadlineMs());
            assertThat(raised.withGlobalConcurrency(64)).isEqualTo(defaults);
        }

        @Test
        void forWorkers_globalLimitAboveTheWorkers_unchanged() {
            var defaults = org.egovmonitor.crawler.fetch.FetchSettings.defaults();
            assertThat(CrawlSettingsFile.forWorkers(defaults, 48)).isSameAs(defaults);
        }
    }

    @Nested
    class Notes {

        @Test
        void note_withHistory_namesTheSampleAndTheBound() {
            Decision d = CrawlWorkerSizing.decide(new Demand(14_000, 12.5, 2000, Duration.ofHours(2), 1), POOL_32);
            assertThat(d.note()).isEqualTo("自动：14000 个站点 × 每站 12.5 秒（最近 2000 个站点的第 90 百分位）÷ 目标 1 小时"
                    + "（轮次窗口 2 小时的一半）÷ 1 个节点，每节点需 49 个采集线程；受数据库连接池限制（共 32 个连接，留 8 个给网页请求"
                    + "和定时任务），本节点用 24 个。");
        }

        @Test
        void note_noHistory_saysTheDefaultWasUsed() {
            Decision d = CrawlWorkerSizing.decide(new Demand(100, CrawlWorkerSizing.DEFAULT_SECONDS_PER_SITE, 0,
                    Duration.ofMinutes(90), 1), POOL_32);
            assertThat(d.note()).contains("每站 30 秒（尚无历史记录，取默认值）").contains("目标 45 分钟")
                    .contains("轮次窗口 1 小时 30 分钟").endsWith("不足下限，本节点用 4 个。");
        }

        @Test
        void note_memoryBound_namesHeapAndBudget() {
            Decision d = CrawlWorkerSizing.bound(117, HEAP_512);
            assertThat(d.note()).isEqualTo("受内存限制（最大堆 512 MB，留 128 MB 给服务本身，每线程按 8 MB 计），本节点用 48 个。");
        }
    }
}
