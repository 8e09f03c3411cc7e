package org.egovmonitor.crawler.fetch;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports this process serves (application and admin connectors). The fetch guard never connects to them on an
 * address of this machine, whatever the allow-list says: a monitored site linking or redirecting to
 * {@code http://127.0.0.1:8081/tasks/…} must not make the crawler call our own admin port. Filled when the server
 * starts (a port configured as 0 is only known then), so it is a live set shared by every fetcher of the process.
 */
public final class OwnPorts {

    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    /** An empty set, to be filled as the server's connectors open. */
    public static OwnPorts none() {
        return new OwnPorts();
    }

    public static OwnPorts of(int... ports) {
        OwnPorts own = new OwnPorts();
        for (int port : ports) {
            own.add(port);
        }
        return own;
    }

    /** Adds a listening port; 0 or less (not yet bound) is ignored. */
    public void add(int port) {
        if (port > 0) {
            ports.add(port);
        }
    }

    public boolean contains(int port) {
        return ports.contains(port);
    }

    public Set<Integer> ports() {
        return Set.copyOf(ports);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnPorts other && other.ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return ports.hashCode();
    }

    @Override
    public String toString() {
        return new TreeSet<>(ports).toString();
    }
}
