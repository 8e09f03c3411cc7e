import java.time.Duration;
import org.egovmonitor.jobs.CrawlWorkerSizing;
import org.egovmonitor.jobs.CrawlWorkerSizing.Decision;
import org.egovmonitor.jobs.CrawlWorkerSizing.Demand;
import org.egovmonitor.jobs.CrawlWorkerSizing.NodeLimits;

/**
 * What {@code crawlWorkersPerNode: auto} chooses for 100 / 2,000 / 14,000 sites, computed by the sizing class itself
 * (docs/benchmarks.md, "Self-sizing rounds"). Run: {@code docs/bench/worker-sizing.sh}.
 */
public class WorkerSizingTable {
    public static void main(String[] args) {
        long mib = 1024L * 1024;
        long[] heaps = {Runtime.getRuntime().maxMemory(), 512 * mib};
        for (int pool : new int[] {64, 32}) {
            for (long heap : heaps) {
                for (double sps : new double[] {CrawlWorkerSizing.DEFAULT_SECONDS_PER_SITE, 12}) {
                    for (int nodes : new int[] {1, 2}) {
                        boolean measured = sps != CrawlWorkerSizing.DEFAULT_SECONDS_PER_SITE;
                        StringBuilder row = new StringBuilder(String.format("| %d | %d MB | %s | %d |", pool,
                                heap / mib, measured ? "12 s (measured)" : "30 s (no history)", nodes));
                        for (int sites : new int[] {100, 2000, 14000}) {
                            Decision d = CrawlWorkerSizing.decide(new Demand(sites, sps, measured ? 2000 : 0,
                                    Duration.ofHours(2), nodes), new NodeLimits(pool, heap, 8 * mib));
                            double hours = sites * sps / ((double) d.workers() * nodes) / 3600;
                            row.append(String.format(" %d, %s ≈ %s |", d.workers(),
                                    d.bound().name().toLowerCase().replace('_', ' '),
                                    hours < 1 ? Math.round(hours * 60) + " min" : String.format("%.1f h", hours)));
                        }
                        System.out.println(row);
                    }
                }
            }
        }
    }
}
