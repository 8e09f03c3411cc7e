package org.egovmonitor.jobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.egovmonitor.observations.ProbeDao;
import org.egovmonitor.platform.BoundedFanOut;
import org.egovmonitor.platform.Messages;
import org.egovmonitor.registry.NetworkNode;
import org.egovmonitor.registry.NetworkNodeDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network node probe: a TCP connect to each node's probe endpoint within the timeout; up with the connect
 * latency, or down with the reason. Nodes without an endpoint are skipped (a planned node has nothing to reach).
 */
public class NodeProber {

    private static final Logger LOG = LoggerFactory.getLogger(NodeProber.class);

    public record Summary(int nodes, int probed, int skipped, int up, int down) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final int timeoutMs;
    private final int concurrency;

    public NodeProber(Jdbi jdbi, Clock clock, int timeoutMs, int concurrency) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.concurrency = concurrency;
    }

    public Summary probeAll(long runId, RunRecorder runs) throws InterruptedException {
        List<NetworkNode> nodes = jdbi.withExtension(NetworkNodeDao.class, NetworkNodeDao::findAll);
        List<NetworkNode> probed = nodes.stream()
                .filter(n -> n.probeHost() != null && !n.probeHost().isBlank() && n.probePort() != null).toList();
        runs.total(runId, probed.size());
        AtomicInteger up = new AtomicInteger();
        AtomicInteger down = new AtomicInteger();
        try {
            new BoundedFanOut("node-probe", Math.max(1, concurrency)).forEach(probed, node -> {
                try {
                    (probe(node) ? up : down).incrementAndGet();
                    runs.progress(runId, 1, 0);
                } catch (RuntimeException e) {
                    runs.progress(runId, 1, 1);
                    // the office reads the reason; the exception is for whoever reads the log
                    LOG.warn("node probe of {} failed", endpoint(node), e);
                    runs.failure(runId, endpoint(node), Messages.get("failure.probe"));
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Summary(nodes.size(), probed.size(), nodes.size() - probed.size(), up.get(), down.get());
    }

    boolean probe(NetworkNode node) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        boolean isUp;
        Long latency = null;
        String error = null;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(node.probeHost(), node.probePort()), timeoutMs);
            latency = (System.nanoTime() - started) / 1_000_000;
            isUp = true;
        } catch (IOException e) {
            isUp = false;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean result = isUp;
        Long latencyMs = latency;
        String reason = error;
        jdbi.useExtension(ProbeDao.class, d -> d.addNodeProbe(node.unitCode(), at, result, latencyMs, reason,
                endpoint(node)));
        return isUp;
    }

    private static String endpoint(NetworkNode node) {
        return node.probeHost() + ":" + node.probePort();
    }
}
