package org.egovmonitor.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Quartz's {@code instanceId=AUTO} with ids that stay unique when several nodes start in one JVM (tests) in the same
 * millisecond: host, process id, a counter and the start time. The id also names the node in crawl_items and
 * job_runs.
 */
public final class NodeIdGenerator implements InstanceIdGenerator {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public String generateInstanceId() {
        return newId();
    }

    public static String newId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + COUNTER.incrementAndGet() + "-"
                + Long.toString(System.currentTimeMillis(), 36);
    }
}
