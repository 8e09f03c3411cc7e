package org.egovmonitor.demo.farm;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves N random sites on 127.0.1.1, 127.0.1.2 … and prints one line per site to stdout:
 * {@code url<TAB>kind<TAB>name}. Runs until interrupted.
 *
 * <pre>
 * java -cp target/classes:$(cat cp.txt) org.egovmonitor.demo.farm.FarmMain N SEED PORT
 *      [--now=2025-04-15] [--latency-ms=100] [--per-address]
 * </pre>
 * PORT 0 picks a free port. Logs go to stderr.
 */
public final class FarmMain {

    private FarmMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: FarmMain N SEED PORT [--now=YYYY-MM-DD] [--latency-ms=MS] [--per-address]");
            System.exit(2);
        }
        // stdout carries only the site lines: logging (which logback sends to System.out) goes to stderr
        java.io.PrintStream out = System.out;
        System.setOut(System.err);
        FarmLogging.quiet();
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        int port = Integer.parseInt(args[2]);
        LocalDate now = LocalDate.now();
        SiteFarm.Options options = SiteFarm.Options.defaults();
        for (int i = 3; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--now=")) {
                now = LocalDate.parse(a.substring(6));
            } else if (a.startsWith("--latency-ms=")) {
                options = options.withLatency(Duration.ofMillis(Long.parseLong(a.substring(13))));
            } else if (a.equals("--per-address")) {
                options = options.withBinding(SiteFarm.Binding.PER_ADDRESS);
            } else {
                System.err.println("unknown option " + a);
                System.exit(2);
            }
        }
        SiteFarm farm = SiteFarm.start(randomSpecs(n, seed, port, now), options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            farm.close();
            stopped.countDown();
        }, "farm-shutdown"));
        for (String host : farm.hosts().stream().sorted(FarmMain::compareHosts).toList()) {
            SiteTruth t = farm.truth(host);
            out.println(t.url() + "\t" + t.kind() + "\t" + t.name());
        }
        out.flush();
        System.err.println("serving " + n + " sites on port " + farm.port() + "; Ctrl-C to stop");
        stopped.await();
    }

    /** N random specs on consecutive loopback hosts; site i gets seed {@code seed * 1_000_003 + i}. */
    public static List<SiteSpec> randomSpecs(int n, long seed, int port, LocalDate now) {
        List<SiteSpec> specs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            specs.add(SiteSpec.random(seed * 1_000_003L + i, loopbackHost(i), port, now));
        }
        return specs;
    }

    /** The i-th (0-based) farm address: 127.0.1.1 … 127.0.1.254, 127.0.2.1 … */
    public static String loopbackHost(int i) {
        return "127.0." + (1 + i / 254) + "." + (1 + i % 254);
    }

    private static int compareHosts(String a, String b) {
        return Long.compare(key(a), key(b));
    }

    private static long key(String host) {
        long k = 0;
        for (String part : host.split("\\.")) {
            try {
                k = k * 256 + Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return k;
    }
}
