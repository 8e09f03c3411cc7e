package org.egovmonitor.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factory for the app's worker pools: daemon threads, so a command such as {@code measure} exits when its
 * work is done even if a pool was not shut down, named {@code prefix-N} so leaked-thread checks and thread dumps
 * can tell whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
