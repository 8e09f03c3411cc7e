package org.egovmonitor.jobs;

import java.time.Duration;
import java.util.Locale;

/**
 * How many crawl workers a node runs for a round when {@code scheduler.crawlWorkersPerNode} is {@code auto}. Pure
 * arithmetic over plain inputs; {@link CrawlRounds} gathers them when a round starts and records the decision.
 *
 * <p>A worker measures one site at a time and spends most of that time waiting (network latency, the per-host
 * delay), so a round's length is about {@code sites × seconds per site ÷ workers in the cluster}. The workers are
 * chosen so that this is <em>half</em> the round window: the estimate is taken from earlier rounds, and the tail of a
 * round is slower than its middle (items retried after a backoff, sites that run into their deadline, a node lost
 * mid-round whose items wait for their lease), so aiming at the whole window would finish late whenever the next
 * round is a little slower than the last. Every node takes an equal share.
 *
 * <p>Bounded below by {@link #MIN_WORKERS} (a small round still gets some parallelism) and above by what the node can
 * afford: its database pool less a headroom for the API and Quartz (a worker holds a connection only to claim an item
 * and to store its result, but many finishing together would otherwise starve web requests), and its heap less a
 * reserve for the server itself, at a budget per worker. The ceilings win over the floor: a node never starves its own
 * requests to reach four workers.
 */
public final class CrawlWorkerSizing {

    /** Workers a round gets at least (unless the node's ceiling is lower). */
    public static final int MIN_WORKERS = 4;
    /** Workers a node runs at most, whatever it could afford. */
    public static final int MAX_WORKERS = 256;
    /** Seconds per site assumed before any round has measured one (a polite crawl of ~35 requests per site). */
    public static final double DEFAULT_SECONDS_PER_SITE = 30;
    /** Rounds aim at this share of the window (see the class comment). */
    public static final double WINDOW_SHARE = 0.5;

    static final long MIB = 1024L * 1024;
    /** Heap kept for the server itself (requests, caches, scoring) before workers are counted: at least this. */
    static final long MIN_HEAP_RESERVE = 128 * MIB;
    /** Pool connections kept for web requests and Quartz: at least this many, or a quarter of the pool. */
    static final int MIN_POOL_HEADROOM = 8;

    private CrawlWorkerSizing() {
    }

    /**
     * What a round asks of the cluster.
     *
     * @param sites          sites in the round
     * @param secondsPerSite measured seconds per site (or {@link #DEFAULT_SECONDS_PER_SITE})
     * @param sampledSites   how many measured sites gave that figure; 0 when it is the default
     * @param window         the round window
     * @param nodes          nodes sharing the round (at least 1)
     */
    public record Demand(int sites, double secondsPerSite, int sampledSites, Duration window, int nodes) {
    }

    /**
     * What one node can afford.
     *
     * @param databasePool       maximum connections of the node's pool
     * @param maxHeapBytes       {@code Runtime.maxMemory()}
     * @param heapPerWorkerBytes the heap budgeted per worker ({@code scheduler.crawlWorkerHeap})
     */
    public record NodeLimits(int databasePool, long maxHeapBytes, long heapPerWorkerBytes) {

        public static NodeLimits ofThisJvm(int databasePool, long heapPerWorkerBytes) {
            return new NodeLimits(databasePool, Runtime.getRuntime().maxMemory(), heapPerWorkerBytes);
        }

        /** Connections left to web requests and Quartz: a quarter of the pool, at least 8, never all of it. */
        public int poolHeadroom() {
            return Math.min(Math.max(databasePool - 1, 0), Math.max(MIN_POOL_HEADROOM, ceilDiv(databasePool, 4)));
        }

        public int poolCeiling() {
            return Math.max(1, databasePool - poolHeadroom());
        }

        /** Heap kept for the server itself: a quarter of the heap, at least 128 MiB. */
        public long heapReserve() {
            return Math.max(MIN_HEAP_RESERVE, maxHeapBytes / 4);
        }

        public int memoryCeiling() {
            long free = maxHeapBytes - heapReserve();
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, free / Math.max(1, heapPerWorkerBytes)));
        }

        /** The most workers this node runs. */
        public int ceiling() {
            return Math.min(MAX_WORKERS, Math.min(poolCeiling(), memoryCeiling()));
        }
    }

    /** What bounded the decision. */
    public enum Bound { DEMAND, FLOOR, DATABASE_POOL, MEMORY, MAXIMUM }

    /**
     * @param workers workers per node on this node
     * @param needed  workers per node the round asked for, before this node's bounds
     * @param bound   what set {@code workers}
     * @param note    why, in Chinese, for the run record
     */
    public record Decision(int workers, int needed, Bound bound, String note) {
    }

    /** Workers per node the demand asks for, before any bound. */
    public static int needed(Demand d) {
        if (d.sites() <= 0) {
            return 0;
        }
        double targetSeconds = Math.max(0.001, d.window().toMillis() / 1000.0 * WINDOW_SHARE);
        double workerSeconds = d.sites() * Math.max(0, d.secondsPerSite());
        long cluster = (long) Math.ceil(workerSeconds / targetSeconds);
        long perNode = ceilDiv(cluster, Math.max(1, d.nodes()));
        return (int) Math.min(Integer.MAX_VALUE, perNode);
    }

    public static Decision decide(Demand d, NodeLimits limits) {
        int needed = needed(d);
        Decision bounded = bound(needed, limits);
        String why = String.format(Locale.ROOT, "自动：%d 个站点 × 每站 %s 秒（%s）÷ 目标 %s（轮次窗口 %s的一半）÷ %d 个节点，"
                        + "每节点需 %d 个采集线程；%s",
                d.sites(), seconds(d.secondsPerSite()),
                d.sampledSites() > 0 ? "最近 " + d.sampledSites() + " 个站点的第 90 百分位" : "尚无历史记录，取默认值",
                chinese(Duration.ofMillis((long) (d.window().toMillis() * WINDOW_SHARE))), chinese(d.window()),
                Math.max(1, d.nodes()), needed, bounded.note());
        return new Decision(bounded.workers(), needed, bounded.bound(), why);
    }

    /** The node's own decision for a round another node sized ({@code needed} recorded on the round). */
    public static Decision bound(int needed, NodeLimits limits) {
        int ceiling = limits.ceiling();
        if (needed > ceiling) {
            Bound b = ceiling == MAX_WORKERS && limits.poolCeiling() >= MAX_WORKERS
                    && limits.memoryCeiling() >= MAX_WORKERS ? Bound.MAXIMUM
                    : limits.poolCeiling() <= limits.memoryCeiling() ? Bound.DATABASE_POOL : Bound.MEMORY;
            String note = switch (b) {
                case DATABASE_POOL -> String.format(Locale.ROOT,
                        "受数据库连接池限制（共 %d 个连接，留 %d 个给网页请求和定时任务），本节点用 %d 个。",
                        limits.databasePool(), limits.poolHeadroom(), ceiling);
                case MEMORY -> String.format(Locale.ROOT,
                        "受内存限制（最大堆 %d MB，留 %d MB 给服务本身，每线程按 %d MB 计），本节点用 %d 个。",
                        limits.maxHeapBytes() / MIB, limits.heapReserve() / MIB,
                        Math.max(1, limits.heapPerWorkerBytes() / MIB), ceiling);
                default -> "受上限 " + MAX_WORKERS + " 限制，本节点用 " + MAX_WORKERS + " 个。";
            };
            return new Decision(ceiling, needed, b, note);
        }
        if (needed < MIN_WORKERS) {
            return new Decision(MIN_WORKERS, needed, Bound.FLOOR, "不足下限，本节点用 " + MIN_WORKERS + " 个。");
        }
        return new Decision(needed, needed, Bound.DEMAND, "本节点用 " + needed + " 个。");
    }

    /** "2 小时", "1 小时 30 分钟", "45 分钟", "1 分钟 40 秒", "20 秒", "不到 1 秒". */
    public static String chinese(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return "不到 1 秒";
        }
        if (s < 60) {
            return s + " 秒";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        if (h == 0) {
            return s % 60 == 0 ? m + " 分钟" : m + " 分钟 " + s % 60 + " 秒";
        }
        return m == 0 ? h + " 小时" : h + " 小时 " + m + " 分钟";
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
