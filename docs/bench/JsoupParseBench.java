import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parse-only ceiling for docs/bench/measure.sh: fetches every URL of a file once (not timed), then parses all the
 * bodies ROUNDS times with Jsoup (charset from the page's meta, as {@code Jsoup.parse(InputStream, null, url)} does)
 * on THREADS threads and prints pages/s and MB/s. The first round is warm-up and not counted.
 *
 * <pre>java -cp "$CP" docs/bench/JsoupParseBench.java URLS_FILE [ROUNDS=5] [THREADS=1]</pre>
 * Launched as a single-file source program, so it needs no build step; stdout: one summary line.
 */
public final class JsoupParseBench {

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<byte[]> bodies = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        long bytes = 0;
        for (String u : urls) {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(u)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) {
                    bodies.add(r.body());
                    bases.add(u);
                    bytes += r.body().length;
                }
            } catch (IOException e) {
                System.err.println("skipped " + u + ": " + e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long sink = 0;
        long counted = 0;
        long nanos = 0;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long n = 0;
                    for (int i = first; i < bodies.size(); i += threads) {
                        Document d = Jsoup.parse(new ByteArrayInputStream(bodies.get(i)), null, bases.get(i));
                        n += d.getAllElements().size();
                    }
                    return n;
                }));
            }
            for (Future<Long> f : parts) {
                sink += f.get();
            }
            if (round > 0) { // round 0 warms the JIT
                nanos += System.nanoTime() - t0;
                counted += bodies.size();
            }
        }
        pool.shutdown();
        double s = nanos / 1e9;
        System.out.printf("jsoup-parse pages=%d bytes=%d rounds=%d threads=%d seconds=%.2f pages/s=%.0f MB/s=%.1f"
                + " (elements %d)%n", bodies.size(), bytes, rounds, threads, s, counted / s,
                bytes * (double) rounds / s / 1e6, sink);
    }
}
