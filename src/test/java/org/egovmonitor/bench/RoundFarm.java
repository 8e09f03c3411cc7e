package org.egovmonitor.bench;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.egovmonitor.demo.farm.FarmPage;
import org.egovmonitor.demo.farm.GeneratedSite;
import org.egovmonitor.demo.farm.SiteFarm;
import org.egovmonitor.demo.farm.SiteGenerator;
import org.egovmonitor.demo.farm.SiteSpec;

/**
 * The farm of the N-site round benchmark (docs/bench/round14k.sh): site i is {@code http://www.bNNNNN.gov.cn/},
 * pinned by the app's {@code hostOverrides} to its own loopback address {@code 127.1.(i/250).(1+i%250)}, and every
 * response is delayed by the latency.
 *
 * <p>Unlike {@link org.egovmonitor.demo.farm.SiteFarm}, which renders every site before it serves (14,000 sites: 45 s on
 * two cores and ~2 GB of live heap, measured), a site is generated when it is first asked for, from its number
 * alone (seed, name, peers), and kept in a bounded cache: a round crawls a site within seconds and then leaves it,
 * and an evicted site generates to the same bytes again. One wildcard connector serves every address (one socket
 * instead of N, see SiteFarm's binding notes); the request's Host names the site, and the local address it arrived
 * on is checked against the site's own, so the run proves that every site was reached on its own address.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-runtime.cp) org.egovmonitor.bench.RoundFarm
 *      N SEED PORT [--latency-ms=100] [--now=YYYY-MM-DD] [--cache=2000]
 * </pre>
 * stdout: one line per site, {@code host<TAB>address<TAB>kind<TAB>name}; then it serves until killed. Any host
 * that is not a site answers {@code /__farm/stats} (counters as {@code key<TAB>value} lines) and
 * {@code /__farm/reset} (zeroes them, so a script counts one round).
 */
public final class RoundFarm {

    private static final Pattern SITE_HOST = Pattern.compile("www\\.b(\\d{5})\\.gov\\.cn");
    private static final int PER_OCTET = 250;

    private final int n;
    private final long seed;
    private final LocalDate now;
    private final long latencyMs;
    private final SiteGenerator generator = new SiteGenerator();
    private final LoadingCache<Integer, GeneratedSite> sites;
    private final AtomicIntegerArray perSite;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder generated = new LongAdder();
    private final LongAdder wrongAddress = new LongAdder();

    private RoundFarm(int n, long seed, LocalDate now, long latencyMs, int cacheSize) {
        this.n = n;
        this.seed = seed;
        this.now = now;
        this.latencyMs = latencyMs;
        this.perSite = new AtomicIntegerArray(n);
        this.sites = Caffeine.newBuilder().maximumSize(cacheSize).build(i -> {
            generated.increment();
            return generator.generate(spec(i));
        });
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RoundFarm N SEED PORT [--latency-ms=100] [--now=YYYY-MM-DD] [--cache=2000]");
            System.exit(2);
        }
        // stdout carries only the site lines: logging (which logback sends to System.out) goes to stderr
        PrintStream out = System.out;
        System.setOut(System.err);
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        int port = Integer.parseInt(args[2]);
        long latencyMs = 100;
        LocalDate now = LocalDate.now();
        int cache = 2000;
        for (int i = 3; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--latency-ms=")) {
                latencyMs = Long.parseLong(a.substring("--latency-ms=".length()));
            } else if (a.startsWith("--now=")) {
                now = LocalDate.parse(a.substring("--now=".length()));
            } else if (a.startsWith("--cache=")) {
                cache = Integer.parseInt(a.substring("--cache=".length()));
            } else {
                System.err.println("unknown option " + a);
                System.exit(2);
            }
        }
        if (n < 1 || n > 100_000 || n > 256 * PER_OCTET) {
            System.err.println("N must be 1 .. " + 256 * PER_OCTET);
            System.exit(2);
        }
        RoundFarm farm = new RoundFarm(n, seed, now, latencyMs, cache);
        Server server = farm.start(port);
        int bound = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        for (int i = 0; i < n; i++) {
            SiteSpec s = farm.spec(i);
            out.println(s.host() + "\t" + address(i) + "\t" + s.kind() + "\t" + s.name());
        }
        out.flush();
        System.err.println("serving " + n + " sites on port " + bound + ", " + latencyMs + " ms added latency");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("farm stop: " + e);
            }
            stopped.countDown();
        }, "farm-shutdown"));
        stopped.await();
    }

    /** Site i's host name. Five digits, so the sites sort as they are numbered. */
    static String host(int i) {
        return String.format("www.b%05d.gov.cn", i);
    }

    /** Site i's own loopback address: 127.1.0.1 … 127.1.0.250, 127.1.1.1 …; 127.0.0.0/16 stays free. */
    static String address(int i) {
        return "127.1." + (i / PER_OCTET) + "." + (1 + i % PER_OCTET);
    }

    /** Site i, drawn from its number alone; its three followers are its peers (external links that answer). */
    SiteSpec spec(int i) {
        List<String> peers = new ArrayList<>();
        for (int k = 1; k <= Math.min(3, n - 1); k++) {
            peers.add("http://" + host((i + k) % n) + "/");
        }
        return SiteSpec.random(seed * 1_000_003L + i, host(i), 80, now).withPeers(peers);
    }

    private Server start(int port) throws Exception {
        // the handler never blocks (generation of a site is a few ms of CPU; the latency is scheduled, not slept)
        QueuedThreadPool pool = new QueuedThreadPool(64, 8);
        pool.setName("round-farm");
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("round-farm-delay", false);
        Server server = new Server(pool, scheduler, null);
        ServerConnector connector = new ServerConnector(server, 1, 2, new HttpConnectionFactory());
        connector.setPort(port);
        connector.setIdleTimeout(30_000);
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        server.setHandler(new FarmHandler(scheduler));
        server.start();
        return server;
    }

    private int siteIndex(String host) {
        if (host == null) {
            return -1;
        }
        Matcher m = SITE_HOST.matcher(host.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        int i = Integer.parseInt(m.group(1));
        return i < n ? i : -1;
    }

    private void count(String key, long by) {
        counts.computeIfAbsent(key, k -> new LongAdder()).add(by);
    }

    private String stats() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        int[] per = new int[n];
        long total = 0;
        int requested = 0;
        for (int i = 0; i < n; i++) {
            per[i] = perSite.get(i);
            total += per[i];
            requested += per[i] > 0 ? 1 : 0;
        }
        Arrays.sort(per);
        out.put("sites", (long) n);
        out.put("requests", total);
        out.put("sites_requested", (long) requested);
        out.put("per_site_min", (long) per[0]);
        out.put("per_site_median", (long) per[n / 2]);
        out.put("per_site_p90", (long) per[Math.min(n - 1, n * 9 / 10)]);
        out.put("per_site_max", (long) per[n - 1]);
        out.put("wrong_address", wrongAddress.sum());
        out.put("generated", generated.sum());
        StringBuilder b = new StringBuilder();
        out.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
        return b.toString();
    }

    private void reset() {
        counts.clear();
        for (int i = 0; i < n; i++) {
            perSite.set(i, 0);
        }
        wrongAddress.reset();
        generated.reset();
    }

    private final class FarmHandler extends Handler.Abstract.NonBlocking {

        private final ScheduledExecutorScheduler scheduler;

        FarmHandler(ScheduledExecutorScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (SiteFarm.refusedUnlessLoopback(request, response, callback)) {
                return true;
            }
            int i = siteIndex(request.getHttpURI().getHost());
            String path = request.getHttpURI().getPath();
            if (i < 0) {
                String body;
                if ("/__farm/stats".equals(path)) {
                    body = stats();
                } else if ("/__farm/reset".equals(path)) {
                    reset();
                    body = "reset\n";
                } else {
                    new FarmPage("text/plain",
                            "no such site\n".getBytes(StandardCharsets.US_ASCII), 404).send(request, response, callback);
                    return true;
                }
                new FarmPage("text/plain",
                        body.getBytes(StandardCharsets.US_ASCII), 200).send(request, response, callback);
                return true;
            }
            SocketAddress local = request.getConnectionMetaData().getLocalSocketAddress();
            if (!(local instanceof InetSocketAddress lisa) || !lisa.getAddress().getHostAddress().equals(address(i))) {
                wrongAddress.increment();
            }
            String pathQuery = request.getHttpURI().getPathQuery();
            pathQuery = pathQuery == null || pathQuery.isEmpty() ? "/" : pathQuery;
            FarmPage page = sites.get(i).respond(pathQuery);
            perSite.incrementAndGet(i);
            count(request.getMethod() + " " + page.status() / 100 + "xx", 1);
            if ("/robots.txt".equals(path)) {
                count("robots.txt", 1);
            }
            if (!"HEAD".equals(request.getMethod())) {
                count("bytes", page.body().length);
            }
            if (latencyMs > 0) {
                scheduler.schedule(() -> page.send(request, response, callback), latencyMs, TimeUnit.MILLISECONDS);
            } else {
                page.send(request, response, callback);
            }
            return true;
        }

    }
}
